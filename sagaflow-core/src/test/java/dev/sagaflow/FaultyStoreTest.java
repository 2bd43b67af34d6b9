package dev.sagaflow;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.FaultInjectingStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed write is not a failed step: store faults lose no transition and fail no step. */
class FaultyStoreTest {
    record Order(int n) {
    }

    @Test
    void writesThatFailBeforeOrAfterTheCommitLoseNothingAndFailNoStep() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        StepAction<Order> counted = (o, c) -> {
            calls.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return o;
        };
        Compensation<Order> undo = (o, c) -> calls.computeIfAbsent("undo:" + c.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        SagaDefinition<Order> saga = Saga.define("faulty", Order.class)
                .step("a").invoke(counted).compensateWith(undo)
                .step("b").invoke(counted).compensateWith(undo)
                .pivot("c").invoke((o, c) -> {
                    counted.apply(o, c);
                    if (o.n() % 10 == 0) {
                        throw new NonRetryableStepException("declined");
                    }
                    return o;
                })
                .retriable("d").invoke(counted)
                .build();
        FaultInjectingStore store = new FaultInjectingStore(new InMemorySagaStore(), 42, 0.15, 0.15);
        int sagas = 300;
        List<SagaId> ids = new ArrayList<>();
        try (SagaEngine engine = SagaEngine.builder(store).register(saga).build()) {
            for (int i = 1; i <= sagas; i++) {
                ids.add(engine.start("faulty", new Order(i), "order-" + i));
            }
            for (int i = 0; i < sagas; i++) {
                SagaInstance done = engine.awaitTermination(ids.get(i), Duration.ofSeconds(30)).orElseThrow();
                int n = i + 1;
                List<HistoryEventType> types = done.history().stream().map(HistoryEvent::type).toList();
                assertThat(done.history()).extracting(HistoryEvent::seq)
                        .as("history of order %d has no gap and no duplicate", n)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, types.size()).boxed().toList());
                if (n % 10 == 0) {
                    assertThat(done.state()).isEqualTo(SagaState.FAILED);
                    assertThat(types).containsExactly(HistoryEventType.SAGA_STARTED, HistoryEventType.STEP_SUCCEEDED,
                            HistoryEventType.STEP_SUCCEEDED, HistoryEventType.STEP_FAILED,
                            HistoryEventType.COMPENSATION_STARTED, HistoryEventType.COMPENSATION_SUCCEEDED,
                            HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
                } else {
                    assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
                    assertThat(types).as("no step of order %d was marked failed", n).containsExactly(
                            HistoryEventType.SAGA_STARTED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.STEP_SUCCEEDED,
                            HistoryEventType.STEP_SUCCEEDED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_COMPLETED);
                }
            }
            // Restarting with the same keys starts nothing twice.
            assertThat(engine.start("faulty", new Order(1), "order-1")).isEqualTo(ids.get(0));
        }
        assertThat(store.failedBeforeCommit.get()).as("faults before commit injected").isGreaterThan(5);
        assertThat(store.failedAfterCommit.get()).as("faults after commit injected").isGreaterThan(5);
        assertThat(calls.keySet().stream().filter(k -> k.startsWith("undo:"))).hasSize(sagas / 10 * 2);
    }

    @Test
    void instancesWhoseClaimCommittedButWhoseReplyWasLostAreNotHeldForever() throws Exception {
        SagaDefinition<Order> saga = Saga.define("claimed", Order.class)
                .step("a").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("b").invoke((o, c) -> o)
                .build();
        // A connection dropped while a claim commits: the rows are this node's, but it never heard so.
        FaultInjectingStore store = new FaultInjectingStore(new InMemorySagaStore(), 7, 0, 0).loseClaimsAfterCommit(0.3);
        List<SagaId> ids = new ArrayList<>();
        try (SagaEngine client = SagaEngine.builder(store).register(saga).clientOnly().build()) {
            for (int i = 1; i <= 200; i++) {
                ids.add(client.start("claimed", new Order(i), "order-" + i));
            }
        }
        try (SagaEngine node = SagaEngine.builder(store).register(saga).leaseDuration(Duration.ofSeconds(1))
                .maxActiveInstances(10)
                .pollInterval(Duration.ofMillis(50)).build()) {
            for (SagaId id : ids) {
                assertThat(node.awaitTermination(id, Duration.ofSeconds(30))).as("%s ends", id)
                        .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(SagaState.COMPLETED));
            }
        }
        assertThat(store.claimsLostAfterCommit.get()).isPositive();
    }
}
