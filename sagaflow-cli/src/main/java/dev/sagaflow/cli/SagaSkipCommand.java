package dev.sagaflow.cli;

import dev.sagaflow.OperatorRequest;
import dev.sagaflow.spi.SagaRecord;
import picocli.CommandLine.Command;

@Command(name = "skip", mixinStandardHelpOptions = true,
        description = {"Marks the compensation a saga is stuck on (COMPENSATION_STALLED, or one that keeps failing) as "
                + "done without running it: you undid its effect by hand, or there is nothing to undo. History "
                + "COMPENSATION_SKIPPED with who and why; compensation goes on with the step completed before it.",
                "Refused (exit status 1) for a saga that is not compensating.",
                "Example: sagaflow saga skip --store DIR/sagas.db 3f1c0e9a-... --reason 'refunded by hand, ticket 4711'"})
final class SagaSkipCommand extends SagaRequestCommand {
    @Override
    String verb() {
        return "skip";
    }

    @Override
    OperatorRequest request(String who, String why) {
        return OperatorRequest.skip(who, why);
    }

    @Override
    boolean applies(SagaRecord r) {
        return r.state().isCompensating();
    }

    @Override
    String appliesTo() {
        return "compensating";
    }
}
