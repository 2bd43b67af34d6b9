package dev.sagaflow.faults;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.Closeables;
import dev.sagaflow.testing.CallRecorder;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, fault 5: a compensation never overtakes the call it undoes, nor does a retry overtake the
 * attempt before it: a step abandoned at its timeout, or under way when an operator cancels (on this
 * node or another), is compensated only once its call has returned.
 */
class CompensationOrderingTest {
    record Order(String id) {
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final CallRecorder calls = new CallRecorder();
    @AutoClose
    final Closeables open = new Closeables();

    SagaEngine engine(SagaEngine.Builder builder) {
        SagaEngine engine = builder.pollInterval(Duration.ofMillis(10)).build();
        open.add(engine);
        return engine;
    }

    /** Busy for {@code millis} whatever interrupts it gets, as a call blocked in a driver is. */
    static void stubbornly(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    static void awaitDeafToInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // stuck: the interrupt is not heard
            }
        }
    }

    @Test
    void aStepAbandonedAtItsTimeoutIsCompensatedOnlyAfterItsCallReturned() throws Exception {
        SagaEngine engine = engine(SagaEngine.builder(store).register(Saga.define("order", Order.class)
                .step("charge").invoke((o, c) -> {
                    try (AutoCloseable call = calls.begin("charge")) {
                        stubbornly(600);
                    }
                    return o;
                }).compensateWith((o, c) -> {
                    try (AutoCloseable call = calls.begin("refund")) {
                        return;
                    }
                }).timeout(Duration.ofMillis(100)).retry(RetryPolicy.none())
                .build()));

        SagaId id = engine.start("order", new Order("o"), "o");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(calls.endedBefore("charge", "refund")).as("timeline %s", calls.timeline).isTrue();
        assertThat(done.history()).extracting(HistoryEvent::type).containsSubsequence(HistoryEventType.STEP_FAILED,
                HistoryEventType.COMPENSATION_STARTED, HistoryEventType.WAITING_FOR_CALL,
                HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
    }

    @Test
    void aCallThatWillNotReturnIsFlaggedForAnOperatorAndStillNeverRaced() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SagaEngine engine = engine(SagaEngine.builder(store).stuckCallAfter(Duration.ofMillis(300))
                .register(Saga.define("order", Order.class)
                        .step("charge").invoke((o, c) -> {
                            try (AutoCloseable call = calls.begin("charge")) {
                                awaitDeafToInterrupts(release); // as a call stuck in a driver is
                            }
                            return o;
                        }).compensateWith((o, c) -> calls.begin("refund").close())
                        .timeout(Duration.ofMillis(100)).retry(RetryPolicy.none())
                        .build()));

        SagaId id = engine.start("order", new Order("o"), "o");
        await().atMost(Duration.ofSeconds(5)).until(() -> "CALL_NOT_RETURNING".equals(engine.get(id).flag()));
        assertThat(engine.list(dev.sagaflow.SagaQuery.all().flaggedOnly())).extracting(SagaInstance::id).containsExactly(id);
        assertThat(calls.calls("refund")).as("still never raced").isZero();
        release.countDown();

        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.flag()).isNull();
        assertThat(calls.calls("refund")).isEqualTo(1);
        assertThat(done.history()).extracting(HistoryEvent::type).containsSubsequence(HistoryEventType.WAITING_FOR_CALL,
                HistoryEventType.CALL_NOT_RETURNING, HistoryEventType.COMPENSATION_SUCCEEDED);
    }

    @Test
    void aRetryNeverOverlapsTheAttemptThatTimedOut() throws Exception {
        SagaEngine engine = engine(SagaEngine.builder(store).register(Saga.define("order", Order.class)
                .step("charge").invoke((o, c) -> {
                    try (AutoCloseable call = calls.begin("charge")) {
                        if (c.attempt() == 1) {
                            stubbornly(500);
                        }
                    }
                    return o;
                }).timeout(Duration.ofMillis(100))
                .retry(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).jitter(0).build())
                .build()));

        SagaId id = engine.start("order", new Order("o"), "o");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(calls.overlaps).as("timeline %s", calls.timeline).isEmpty();
        assertThat(calls.calls("charge")).isEqualTo(2);
        assertThat(store.find(id.value()).orElseThrow().owner()).isNull();
    }

    @Test
    void aCancelFromAnotherNodeWaitsForTheCallUnderWayOnTheNodeThatRunsIt() throws Exception {
        CountDownLatch inCharge = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var saga = Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> calls.begin("release").close())
                .step("charge").invoke((o, c) -> {
                    try (AutoCloseable call = calls.begin("charge")) {
                        inCharge.countDown();
                        release.await();
                    }
                    return o;
                }).compensateWith((o, c) -> calls.begin("refund").close())
                .pivot("ship").invoke((o, c) -> o)
                .build();
        SagaEngine running = engine(SagaEngine.builder(store).nodeId("runner").register(saga));
        SagaEngine operator = engine(SagaEngine.builder(store).nodeId("operator").register(saga));

        SagaId id = running.start("order", new Order("o"), "o");
        assertThat(inCharge.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(operator.cancel(id).state()).isEqualTo(SagaState.COMPENSATING);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> calls.calls("refund") == 0);
        release.countDown();

        SagaInstance done = operator.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(done.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(calls.endedBefore("charge", "refund")).as("timeline %s", calls.timeline).isTrue();
        assertThat(calls.calls("refund")).isEqualTo(1);
        assertThat(calls.calls("release")).isEqualTo(1);
        assertThat(done.history()).extracting(HistoryEvent::type).containsSubsequence(HistoryEventType.CANCEL_REQUESTED,
                HistoryEventType.LATE_RESULT, HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_CANCELLED);
        assertThat(running.refusedWrites() + operator.refusedWrites()).as("no lease takeover").isZero();
    }
}
