package dev.sagaflow.faults;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.Closeables;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.testing.CallRecorder;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, fault 3: two copies of one reply applied at the same instant. The loser must not un-track
 * the winner, whose lease would lapse and whose next step another claim would run again.
 */
class DuplicateReplyRaceTest {
    record Order(String id) {
    }

    @AutoClose
    final Closeables open = new Closeables();

    @Test
    void aReplyDeliveredTwiceAtOnceRunsTheNextStepOnce() throws Exception {
        CallRecorder charges = new CallRecorder();
        InMemoryTransport transport = new InMemoryTransport(64);
        open.add(transport);
        // The participant answers every command with two copies of one reply, sent together, so the
        // engine's consumer handles both at once.
        open.add(transport.subscribe("inventory", "inventory", command -> {
            Message reply = Reply.success(null).toMessage(command);
            transport.send(List.of(reply, reply));
        }));
        SagaEngine engine = SagaEngine.builder(new InMemorySagaStore()).transport(transport)
                .pollInterval(Duration.ofMillis(10)).leaseDuration(Duration.ofMillis(300))
                .register(Saga.define("order", Order.class)
                        .step("reserve").sendCommand("inventory", "Reserve", o -> o)
                        .step("charge").invoke((o, c) -> {
                            try (AutoCloseable call = charges.begin(c.idempotencyKey())) {
                                Thread.sleep(800); // longer than a lease: only renewal keeps it here
                            }
                            return o;
                        })
                        .build())
                .build();
        open.add(engine);

        List<SagaId> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(engine.start("order", new Order("o" + i), "o" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> engine.get(id).state().isTerminal()));

        assertThat(engine.repliesIgnored()).as("the second copies were dropped").isPositive();
        assertThat(charges.overlaps).as("charge never ran twice at once").isEmpty();
        assertThat(charges.callsByKey()).hasSize(40).allSatisfy((key, calls) -> assertThat(calls).as(key).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> assertThat(engine.get(id).state()).isEqualTo(SagaState.COMPLETED));
    }
}
