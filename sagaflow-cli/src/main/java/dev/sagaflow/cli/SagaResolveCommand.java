package dev.sagaflow.cli;

import dev.sagaflow.OperatorRequest;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Closes sagas by hand: each ends at once as FAILED (the default) or COMPLETED (--as), running no "
                + "further step and no compensation; whatever its steps did stays as it is, for you to answer for. "
                + "History SAGA_RESOLVED with where it stood, who and why. A call of it under way finishes first.",
                "Example: sagaflow saga resolve --store DIR/sagas.db 3f1c0e9a-... --as failed --reason 'settled with the customer'"})
final class SagaResolveCommand extends SagaRequestCommand {
    enum Outcome { failed, completed }

    @Option(names = "--as", defaultValue = "failed", paramLabel = "OUTCOME",
            description = "The state it ends in: failed or completed (default: ${DEFAULT-VALUE}).")
    Outcome outcome;

    @Override
    String verb() {
        return "resolve";
    }

    @Override
    OperatorRequest request(String who, String why) {
        return OperatorRequest.resolve(who, why, outcome == Outcome.completed ? SagaState.COMPLETED : SagaState.FAILED);
    }

    @Override
    boolean applies(SagaRecord r) {
        return !r.state().isTerminal();
    }

    @Override
    String appliesTo() {
        return "still running";
    }
}
