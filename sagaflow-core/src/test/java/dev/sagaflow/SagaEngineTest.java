package dev.sagaflow;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.testing.FlakySaga;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SagaEngineTest {
    record Order(String id, int amount, String chargeId) {
        Order withChargeId(String charge) {
            return new Order(id, amount, charge);
        }
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final Set<String> effects = ConcurrentHashMap.newKeySet();
    final List<String> undone = new java.util.concurrent.CopyOnWriteArrayList<>();
    SagaEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    StepAction<Order> effect() {
        return (o, c) -> {
            effects.add(c.idempotencyKey());
            return o;
        };
    }

    Compensation<Order> undo() {
        return (o, c) -> {
            effects.remove(c.idempotencyKey());
            undone.add(c.stepName());
        };
    }

    SagaEngine engine(SagaDefinition<?>... definitions) {
        SagaEngine.Builder builder = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20));
        for (SagaDefinition<?> d : definitions) {
            builder.register(d);
        }
        engine = builder.build();
        return engine;
    }

    SagaInstance finish(SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError(
                "saga did not end: " + engine.get(id)));
    }

    static List<HistoryEventType> types(SagaInstance instance) {
        return instance.history().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void aStepMayReturnNewDataAndSkippedStepsAreRecorded() throws Exception {
        engine(Saga.define("order", Order.class)
                .step("charge").invoke((o, c) -> o.withChargeId("ch-" + c.attempt()))
                .step("big-order-review").when(o -> o.amount() > 1000).invoke(effect())
                .step("ship").invoke(effect())
                .build());
        SagaInstance done = finish(engine.start("order", new Order("o1", 10, null), "o1"));
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Order.class).chargeId()).isEqualTo("ch-1");
        assertThat(types(done)).containsExactly(HistoryEventType.SAGA_STARTED, HistoryEventType.STEP_SUCCEEDED,
                HistoryEventType.STEP_SKIPPED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_COMPLETED);
    }

    @Test
    void startIsIdempotentPerKey() throws Exception {
        engine(Saga.define("order", Order.class).step("a").invoke(effect()).build());
        SagaId first = engine.start("order", new Order("o1", 10, null), "key-1");
        SagaId again = engine.start("order", new Order("other data", 99, null), "key-1");
        assertThat(again).isEqualTo(first);
        assertThat(engine.findByIdempotencyKey("order", "key-1")).get().extracting(SagaInstance::id).isEqualTo(first);
        assertThat(engine.start("order", new Order("o2", 10, null), "key-2")).isNotEqualTo(first);
    }

    @Test
    void badInputGetsErrorsThatNameTheProblem() {
        engine(Saga.define("order", Order.class).step("a").invoke(effect()).build());
        assertThatThrownBy(() -> engine.start("order-fulfilment", new Order("o", 1, null), "k"))
                .isInstanceOf(UnknownSagaException.class)
                .hasMessage("Unknown saga 'order-fulfilment' (registered: order)");
        assertThatThrownBy(() -> engine.start("order", "not an order", "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data of saga 'order' must be a " + Order.class.getName() + ", was a java.lang.String");
        assertThatThrownBy(() -> engine.start("order", new Order("o", 1, null), " "))
                .hasMessage("idempotencyKey must not be blank");
        assertThatThrownBy(() -> engine.start("order", new Order("x".repeat(2_000_000), 1, null), "k"))
                .isInstanceOf(SagaDataException.class).hasMessageContaining("over the limit of 1048576");
        assertThatThrownBy(() -> engine.get(SagaId.of("nope")))
                .isInstanceOf(SagaNotFoundException.class).hasMessage("No saga instance with id 'nope'");
        assertThat(engine.list(SagaQuery.all())).isEmpty();
    }

    @Test
    void dataThatNoLongerDeserializesFailsWithAClearErrorAndIsLeftIntact() throws Exception {
        engine(Saga.define("order", Order.class).step("a").invoke(effect()).retry(RetryPolicy.none()).build());
        long now = System.currentTimeMillis();
        String broken = "{\"id\":\"o1\",\"amount\":\"lots\"}";
        store.write(List.of(new StoreWrite.Insert(SagaRecord.newInstance("broken-1", "order", 1, "k", "k",
                broken, now, null).toBuilder().state(SagaState.RUNNING).build()
                .stamped(new SagaRecord.Fence(1, "w", 0), SagaRecord.Lease.NONE, now), List.of())));
        SagaInstance done = finish(SagaId.of("broken-1"));
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("does not deserialize as " + Order.class.getName());
        assertThat(done.dataJson()).isEqualTo(broken);
        assertThatThrownBy(() -> done.data(Order.class)).isInstanceOf(SagaDataException.class)
                .hasMessageContaining("saga broken-1 (order v1)");
    }

    @Test
    void aTimedOutStepHasAnUnknownOutcomeAndIsCompensated() throws Exception {
        engine(Saga.define("order", Order.class)
                .step("reserve").invoke(effect()).compensateWith(undo())
                .step("charge").invoke((o, c) -> {
                    effects.add(c.idempotencyKey());
                    Thread.sleep(5_000);
                    return o;
                }).compensateWith(undo()).timeout(Duration.ofMillis(100)).retry(RetryPolicy.none())
                .build());
        SagaInstance done = finish(engine.start("order", new Order("o1", 10, null), "o1"));
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("timed out after 100 ms (outcome unknown)");
        assertThat(undone).containsExactly("charge", "reserve");
        assertThat(effects).isEmpty();
    }

    @Test
    void retriesAreSpacedByTheirBackoffAndNonRetryableErrorsAreFinal() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        engine(Saga.define("order", Order.class)
                .step("flaky").invoke((o, c) -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("try again");
                    }
                    return o;
                }).retry(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(50)).jitter(0).build())
                .step("fussy").invoke((o, c) -> {
                    throw new IllegalArgumentException("bad amount");
                }).retry(RetryPolicy.builder().maxAttempts(5).nonRetryable(IllegalArgumentException.class).build())
                .build());
        SagaInstance done = finish(engine.start("order", new Order("o1", 10, null), "o1"));
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        List<HistoryEvent> h = done.history();
        assertThat(types(done)).containsSubsequence(HistoryEventType.STEP_FAILED, HistoryEventType.RETRY_SCHEDULED,
                HistoryEventType.STEP_RESUMED, HistoryEventType.STEP_FAILED, HistoryEventType.RETRY_SCHEDULED,
                HistoryEventType.STEP_RESUMED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.STEP_FAILED,
                HistoryEventType.COMPENSATION_STARTED);
        HistoryEvent firstFailure = h.stream().filter(e -> e.type() == HistoryEventType.STEP_FAILED).findFirst().orElseThrow();
        HistoryEvent firstResume = h.stream().filter(e -> e.type() == HistoryEventType.STEP_RESUMED).findFirst().orElseThrow();
        assertThat(Duration.between(firstFailure.at(), firstResume.at())).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(h.stream().filter(e -> "fussy".equals(e.step()) && e.type() == HistoryEventType.STEP_FAILED)).hasSize(1);
    }

    @Test
    void cancelCompensatesTheCompletedStepsAndTheOneUnderWay() throws Exception {
        CountDownLatch inCharge = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine(Saga.define("order", Order.class)
                .step("reserve").invoke(effect()).compensateWith(undo())
                .step("charge").invoke((o, c) -> {
                    effects.add(c.idempotencyKey());
                    inCharge.countDown();
                    release.await();
                    return o;
                }).compensateWith(undo())
                .pivot("ship").invoke(effect())
                .build());
        SagaId id = engine.start("order", new Order("o1", 10, null), "o1");
        assertThat(inCharge.await(5, TimeUnit.SECONDS)).isTrue();
        SagaInstance cancelling = engine.cancel(id);
        assertThat(cancelling.state()).isEqualTo(SagaState.COMPENSATING);
        // The compensation of 'charge' never overtakes its call: nothing is undone while it runs.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(undone::isEmpty);
        release.countDown();
        SagaInstance done = finish(id);
        assertThat(done.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(undone).containsExactly("charge", "reserve");
        assertThat(effects).as("every effect undone, the late one of 'charge' included").isEmpty();
        assertThat(types(done)).doesNotContain(HistoryEventType.SAGA_COMPLETED)
                .containsSubsequence(HistoryEventType.CANCEL_REQUESTED, HistoryEventType.COMPENSATION_STARTED,
                        HistoryEventType.LATE_RESULT, HistoryEventType.COMPENSATION_SUCCEEDED,
                        HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_CANCELLED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.STEP_SUCCEEDED)
                .as("the late result of 'charge' is not applied").extracting(HistoryEvent::step).containsExactly("reserve");
        assertThat(engine.refusedWrites()).as("an operator's cancel is not a lease takeover").isZero();
        assertThatThrownBy(() -> engine.cancel(id)).isInstanceOf(IllegalSagaStateException.class)
                .hasMessageContaining("already CANCELLED");
    }

    @Test
    void aCompensationThatKeepsFailingStallsAndAnOperatorRetryFinishesIt() throws Exception {
        AtomicBoolean refundsWork = new AtomicBoolean(false);
        AtomicInteger refundCalls = new AtomicInteger();
        engine(Saga.define("order", Order.class)
                .stallAfter(3)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofSeconds(30)).multiplier(4).build())
                .step("charge").invoke(effect()).compensateWith((o, c) -> {
                    refundCalls.incrementAndGet();
                    if (!refundsWork.get()) {
                        throw new IllegalStateException("payment service down");
                    }
                    effects.remove(c.idempotencyKey());
                })
                .pivot("ship").invoke((o, c) -> {
                    throw new NonRetryableStepException("carrier down");
                })
                .build());
        SagaId id = engine.start("order", new Order("o1", 10, null), "o1");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).state() == SagaState.COMPENSATION_STALLED);
        SagaInstance stalled = engine.get(id);
        assertThat(stalled.currentStep()).isEqualTo("charge");
        assertThat(stalled.nextWakeAt()).as("a stalled compensation is still retried").isNotNull();
        assertThat(types(stalled)).contains(HistoryEventType.COMPENSATION_STALLED);
        refundsWork.set(true);
        engine.retry(id);
        SagaInstance done = finish(id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(types(done)).containsSubsequence(HistoryEventType.OPERATOR_RETRY,
                HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
        assertThat(effects).isEmpty();
        assertThatThrownBy(() -> engine.retry(id)).isInstanceOf(IllegalSagaStateException.class)
                .hasMessageContaining("only a COMPENSATION_STALLED or COMPENSATING saga can be");
    }

    @Test
    void aDueRetryResumesOnTimeAfterARestart() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SagaDefinition<Order> saga = FlakySaga.failingOnce("order", Order.class, calls, Duration.ofMillis(800));
        engine(saga);
        SagaId id = engine.start("order", new Order("o1", 10, null), "o1");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.get(id).state() == SagaState.WAITING);
        long due = engine.get(id).nextWakeAt().toEpochMilli();
        engine.close();
        assertThat(store.find(id.value()).orElseThrow().owner()).as("a waiting instance is held by nobody").isNull();

        engine(saga);
        SagaInstance done = finish(id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        HistoryEvent resumed = done.history().stream().filter(e -> e.type() == HistoryEventType.STEP_RESUMED)
                .findFirst().orElseThrow();
        assertThat(resumed.at().toEpochMilli()).isGreaterThanOrEqualTo(due).isLessThan(due + 1_000);
    }

    @Test
    void listFiltersByStateAndNameAndPages() throws Exception {
        engine(Saga.define("order", Order.class).step("a").invoke(effect()).build(),
                Saga.define("refund", Order.class).step("a").invoke((o, c) -> {
                    throw new NonRetryableStepException("no");
                }).build());
        for (int i = 0; i < 5; i++) {
            finish(engine.start("order", new Order("o" + i, 1, null), "o" + i));
        }
        finish(engine.start("refund", new Order("r", 1, null), "r"));
        assertThat(engine.list(SagaQuery.all().withStates(SagaState.COMPLETED))).hasSize(5);
        assertThat(engine.list(SagaQuery.all().withSagaName("refund")))
                .singleElement().extracting(SagaInstance::state).isEqualTo(SagaState.FAILED);
        assertThat(engine.list(SagaQuery.all().page(0, 4))).hasSize(4);
        assertThat(engine.list(SagaQuery.all().page(4, 4))).hasSize(2);
    }

    @Test
    void aSagaPastItsDeadlineIsCompensated() throws Exception {
        engine(Saga.define("order", Order.class)
                .deadline(Duration.ofMillis(300))
                .step("reserve").invoke(effect()).compensateWith(undo())
                .step("wait-for-stock").invoke((o, c) -> {
                    throw new IllegalStateException("not yet");
                }).retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(50))
                        .multiplier(1).build())
                .build());
        SagaInstance done = finish(engine.start("order", new Order("o1", 1, null), "o1"));
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("deadline exceeded");
        assertThat(types(done)).contains(HistoryEventType.DEADLINE_EXCEEDED);
        assertThat(undone).containsExactly("reserve");
    }
}
