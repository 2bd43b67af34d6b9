package dev.sagaflow.cli;

import dev.sagaflow.OperatorRequest;
import dev.sagaflow.spi.SagaRecord;
import picocli.CommandLine.Command;

@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Asks for the compensation of compensating sagas (usually COMPENSATION_STALLED ones, once the "
                + "cause is fixed) to be retried now, their attempt count reset and their flag cleared.",
                "Example: sagaflow saga retry --store DIR/sagas.db --flagged --state COMPENSATION_STALLED --yes "
                        + "--reason 'refund service fixed'"})
final class SagaRetryCommand extends SagaRequestCommand {
    @Override
    String verb() {
        return "retry";
    }

    @Override
    OperatorRequest request(String who, String why) {
        return OperatorRequest.retry(who, why);
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
