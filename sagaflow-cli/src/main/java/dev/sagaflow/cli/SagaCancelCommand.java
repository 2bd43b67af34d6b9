package dev.sagaflow.cli;

import dev.sagaflow.OperatorRequest;
import dev.sagaflow.spi.SagaRecord;
import picocli.CommandLine.Command;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Asks for sagas to be cancelled: their completed steps are compensated, then they end CANCELLED. "
                + "A saga past its point of no return refuses (in its history, and here: exit status 1).",
                "Example: sagaflow saga cancel --store DIR/sagas.db 3f1c0e9a-... --reason 'customer called'",
                "Example: sagaflow saga cancel --store DIR/sagas.db --name order-fulfilment --state WAITING --since 10m --yes"})
final class SagaCancelCommand extends SagaRequestCommand {
    @Override
    String verb() {
        return "cancel";
    }

    @Override
    OperatorRequest request(String who, String why) {
        return OperatorRequest.cancel(who, why);
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
