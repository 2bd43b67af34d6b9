package dev.sagaflow.jdbc.waits;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;

import java.time.Duration;

/** A saga that waits for a decision with a timeout, shared by the forked node and the test. */
final class ApprovalSagas {
    static final String NAME = "failover-approval";

    public record Request(String id, String decidedBy) {
        Request decided(Decision d) {
            return new Request(id, d.by());
        }
    }

    public record Decision(String by) {
    }

    private ApprovalSagas() {
    }

    static SagaDefinition<Request> definition(Duration timeout) {
        return Saga.define(NAME, Request.class)
                .step("reserve").invoke((r, c) -> r).compensateWith((r, c) -> { })
                .awaitSignal("decide", "decision", Decision.class, Request::decided).timeout(timeout)
                .step("done").invoke((r, c) -> r)
                .build();
    }
}
