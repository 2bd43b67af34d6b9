package dev.sagaflow.jdbc.waits;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.PostgresSagaStore;

import java.time.Duration;

/**
 * A node, run in a JVM of its own by {@link WaitFailoverTest}: starts N approval sagas on the
 * PostgreSQL store, says {@code WAITING N} once they all wait for their decision, then runs until it
 * is killed.
 */
public final class WaitingNodeMain {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        long timeoutMillis = Long.parseLong(args[2]);
        PostgresSagaStore store = PostgresSagaStore.connect(url);
        SagaEngine engine = SagaEngine.builder(store).nodeId("doomed").pollInterval(Duration.ofMillis(50))
                .register(ApprovalSagas.definition(Duration.ofMillis(timeoutMillis))).build();
        for (int i = 0; i < count; i++) {
            engine.start(ApprovalSagas.NAME, new ApprovalSagas.Request("r" + i, null), "r" + i);
        }
        while (engine.countByState(ApprovalSagas.NAME).getOrDefault(SagaState.WAITING, 0L) < count) {
            Thread.sleep(20);
        }
        System.out.println("WAITING " + count);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
