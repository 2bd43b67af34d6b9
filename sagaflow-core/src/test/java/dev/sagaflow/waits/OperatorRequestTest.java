package dev.sagaflow.waits;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.OperatorRequest;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.SignalReceipt;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SignalRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An operator's skip and resolve requests (and cancel and retry's record of who and why), sent by a
 * client that has no saga definition and applied by the node: between calls, never during one; once
 * per request id; refused in the history when the state does not allow them.
 */
class OperatorRequestTest {
    public record Order(String id) {
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<SagaEngine> engines = new ArrayList<>();
    /** A client with no definition, as an operator's CLI. */
    final SagaClient operator = SagaClient.builder(store).build();

    @AfterEach
    void close() {
        engines.forEach(SagaEngine::close);
    }

    SagaEngine engine(SagaDefinition<?> definition) {
        SagaEngine engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).register(definition).build();
        engines.add(engine);
        return engine;
    }

    SagaInstance finish(SagaEngine engine, SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("saga did not end: " + engine.get(id)));
    }

    static List<HistoryEventType> types(SagaInstance instance) {
        return instance.history().stream().map(HistoryEvent::type).toList();
    }

    static HistoryEvent only(SagaInstance instance, HistoryEventType type) {
        List<HistoryEvent> found = instance.history().stream().filter(e -> e.type() == type).toList();
        assertThat(found).as("%s in %s", type, instance.history()).hasSize(1);
        return found.getFirst();
    }

    /**
     * reserve (undone by release), charge (whose refund fails until {@code refundsWork}), then a pivot
     * that always fails: the saga compensates and stalls on the refund after two attempts.
     */
    SagaDefinition<Order> stallingOnRefund(AtomicBoolean refundsWork) {
        return Saga.define("order", Order.class)
                .stallAfter(2)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(200)).build())
                .step("reserve").invoke((o, c) -> { log.add("reserve"); return o; })
                .compensateWith((o, c) -> log.add("release"))
                .step("charge").invoke((o, c) -> { log.add("charge"); return o; })
                .compensateWith((o, c) -> {
                    if (!refundsWork.get()) {
                        throw new IllegalStateException("payment gateway down");
                    }
                    log.add("refund");
                })
                .pivot("ship").invoke((o, c) -> {
                    throw new NonRetryableStepException("no carrier");
                })
                .build();
    }

    SagaId stalled(SagaEngine engine) {
        SagaId id = engine.start("order", new Order("o1"), "o1");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).state() == SagaState.COMPENSATION_STALLED);
        assertThat(engine.get(id).currentStep()).isEqualTo("charge");
        assertThat(engine.get(id).flag()).isEqualTo("COMPENSATION_STALLED");
        return id;
    }

    @Test
    void aSkippedStalledCompensationIsMarkedDoneAndCompensationGoesOnWithTheStepBefore() throws Exception {
        SagaEngine engine = engine(stallingOnRefund(new AtomicBoolean(false)));
        SagaId id = stalled(engine);

        SignalReceipt receipt = operator.skip(id, "alice", "refunded by hand in the gateway console");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.flag()).isNull();
        assertThat(log).containsExactly("reserve", "charge", "release");
        HistoryEvent skipped = only(done, HistoryEventType.COMPENSATION_SKIPPED);
        assertThat(skipped.step()).isEqualTo("charge");
        assertThat(skipped.detail()).contains("requested by alice: refunded by hand in the gateway console")
                .contains("[request " + receipt.signalId() + "]");
        assertThat(types(done)).containsSubsequence(HistoryEventType.COMPENSATION_STALLED,
                HistoryEventType.COMPENSATION_SKIPPED, HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.COMPENSATION_SUCCEEDED)
                .extracting(HistoryEvent::step).containsExactly("reserve");
        assertThat(operator.requestOutcome(receipt).status()).isEqualTo(OperatorRequest.Status.APPLIED);
    }

    @Test
    void aSkipIsRefusedAtOnceWhenTheSagaIsNotCompensatingAndByTheNodeWhenItNoLongerIs() throws Exception {
        SagaEngine engine = engine(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> r(o, "reserve")).compensateWith((o, c) -> log.add("release"))
                .sleep("nap", Duration.ofHours(1))
                .build());
        SagaId id = engine.start("order", new Order("o1"), "o1");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.get(id).state() == SagaState.WAITING);

        assertThatThrownBy(() -> operator.skip(id, "bob", "try"))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("it is WAITING");
        assertThat(store.inbox(id.value()).received()).isZero();

        // One that passed the client's check but found the saga no longer compensating (another
        // operator's request came first): refused by the node, in the history, with who and why.
        store.deliverSignal(new SignalRecord("late-skip", id.value(), SignalRecord.SKIP,
                "{\"operator\":\"bob\",\"reason\":\"stalled refund\"}", System.currentTimeMillis()), System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(5)).until(() -> types(engine.get(id)).contains(HistoryEventType.REQUEST_REFUSED));
        SagaInstance after = engine.get(id);
        assertThat(only(after, HistoryEventType.REQUEST_REFUSED).detail()).startsWith("skip refused: ")
                .contains("it is WAITING").contains("requested by bob: stalled refund").contains("[request late-skip]");
        assertThat(after.state()).isEqualTo(SagaState.WAITING);
        assertThat(operator.requestOutcome(new SignalReceipt(id, "late-skip", false)))
                .extracting(OperatorRequest.Outcome::status).isEqualTo(OperatorRequest.Status.REFUSED);
        assertThat(log).containsExactly("reserve");
    }

    @Test
    void aWaitingSagaIsResolvedByHandAndNothingMoreRuns() throws Exception {
        SagaEngine engine = engine(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> r(o, "reserve")).compensateWith((o, c) -> log.add("release"))
                .awaitSignal("confirmation", "confirmed", Boolean.class, (o, yes) -> o)
                .step("ship").invoke((o, c) -> r(o, "ship"))
                .build());
        SagaId id = engine.start("order", new Order("o1"), "o1");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.get(id).state() == SagaState.WAITING);

        operator.resolve(id, "carol", "customer confirmed by phone; shipped by hand", SagaState.COMPLETED);

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("reserve");
        HistoryEvent resolved = only(done, HistoryEventType.SAGA_RESOLVED);
        assertThat(resolved.step()).isEqualTo("confirmation");
        assertThat(resolved.detail()).startsWith("resolved by hand as COMPLETED while WAITING at 'confirmation'")
                .contains("requested by carol: customer confirmed by phone; shipped by hand");
        assertThat(types(done).getLast()).isEqualTo(HistoryEventType.SAGA_RESOLVED);
        assertThat(done.nextWakeAt()).isNull();
        assertThatThrownBy(() -> operator.resolve(id, "carol", "again", SagaState.FAILED))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("has ended (COMPLETED)");
    }

    @Test
    void aSagaWhoseStepKeepsFailingIsResolvedAsFailedWithoutCompensating() throws Exception {
        SagaEngine engine = engine(Saga.define("order", Order.class)
                .flagAfter(2)
                .step("reserve").invoke((o, c) -> r(o, "reserve")).compensateWith((o, c) -> log.add("release"))
                .step("charge").invoke((o, c) -> {
                    log.add("charge attempt");
                    throw new IllegalStateException("bank down");
                }).retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(20))
                        .maxDelay(Duration.ofMillis(50)).build())
                .build());
        SagaId id = engine.start("order", new Order("o1"), "o1");
        await().atMost(Duration.ofSeconds(5)).until(() -> "RETRYING".equals(engine.get(id).flag()));

        operator.resolve(id, "dave", "order dropped, customer informed", SagaState.FAILED);

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.flag()).isNull();
        assertThat(log).doesNotContain("release");
        assertThat(done.failure()).contains("resolved by hand as FAILED").contains("order dropped, customer informed");
        assertThat(types(done)).doesNotContain(HistoryEventType.COMPENSATION_STARTED, HistoryEventType.SAGA_FAILED);
        long attempts = log.stream().filter("charge attempt"::equals).count();
        Thread.sleep(200);
        assertThat(log.stream().filter("charge attempt"::equals).count()).as("no attempt after the resolve").isEqualTo(attempts);
    }

    @Test
    void aStalledSagaIsResolvedAndItsCompensationIsNotCalledAgain() throws Exception {
        AtomicBoolean refundsWork = new AtomicBoolean(false);
        SagaEngine engine = engine(stallingOnRefund(refundsWork));
        SagaId id = stalled(engine);

        operator.resolve(id, "erin", "refund and release done by hand", SagaState.FAILED);

        SagaInstance done = finish(engine, id);
        refundsWork.set(true);
        Thread.sleep(300);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(log).containsExactly("reserve", "charge");
        assertThat(only(done, HistoryEventType.SAGA_RESOLVED).detail())
                .startsWith("resolved by hand as FAILED while COMPENSATION_STALLED, compensating 'charge'; 2 compensation(s) not run")
                .contains("requested by erin");
        assertThat(engine.get(id).history()).hasSameSizeAs(done.history());
    }

    @Test
    void aResolveThatArrivesDuringAStepCallIsAppliedAfterTheCallIsRecorded() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SagaEngine engine = engine(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> {
                    inCall.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    log.add("reserve returned");
                    return o;
                }).compensateWith((o, c) -> log.add("release"))
                .step("ship").invoke((o, c) -> r(o, "ship"))
                .build());
        SagaId id = engine.start("order", new Order("o1"), "o1");
        assertThat(inCall.await(5, TimeUnit.SECONDS)).isTrue();

        operator.resolve(id, "frank", "duplicate order", SagaState.FAILED);
        Thread.sleep(300);
        assertThat(engine.get(id).state()).as("not applied while the call is under way").isNotEqualTo(SagaState.FAILED);
        release.countDown();

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(log).containsExactly("reserve returned");
        assertThat(types(done)).containsSubsequence(HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_RESOLVED);
        assertThat(types(done)).doesNotContain(HistoryEventType.LATE_RESULT);
    }

    @Test
    void aSkipThatArrivesDuringACompensationCallIsAppliedAfterItsOutcomeIsRecorded() throws Exception {
        CountDownLatch inRefund = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SagaEngine engine = engine(Saga.define("order", Order.class)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(50)).build())
                .step("reserve").invoke((o, c) -> r(o, "reserve")).compensateWith((o, c) -> log.add("release"))
                .step("charge").invoke((o, c) -> r(o, "charge")).compensateWith((o, c) -> {
                    inRefund.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    log.add("refund call returned");
                    throw new IllegalStateException("gateway timeout");
                })
                .pivot("ship").invoke((o, c) -> {
                    throw new NonRetryableStepException("no carrier");
                })
                .build());
        SagaId id = engine.start("order", new Order("o1"), "o1");
        assertThat(inRefund.await(5, TimeUnit.SECONDS)).isTrue();

        operator.skip(id, "grace", "refunded by hand");
        Thread.sleep(300);
        assertThat(log).as("the compensation before it is not started while the refund call runs")
                .containsExactly("reserve", "charge");
        release.countDown();

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(log).containsExactly("reserve", "charge", "refund call returned", "release");
        assertThat(types(done)).containsSubsequence(HistoryEventType.COMPENSATION_FAILED,
                HistoryEventType.COMPENSATION_SKIPPED, HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
    }

    @Test
    void aRequestSentTwiceWithOneIdIsAppliedOnce() throws Exception {
        SagaEngine engine = engine(stallingOnRefund(new AtomicBoolean(false)));
        SagaId id = stalled(engine);
        engines.forEach(SagaEngine::close); // no node: both requests wait in the inbox together
        engines.clear();

        OperatorRequest skip = OperatorRequest.skip("heidi", "refunded by hand").withId("skip-o1");
        SignalReceipt first = operator.request(id, skip);
        SignalReceipt again = operator.request(id, skip);
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(operator.requestOutcome(first).status()).isEqualTo(OperatorRequest.Status.PENDING);

        SagaEngine second = engine(stallingOnRefund(new AtomicBoolean(false)));
        SagaInstance done = finish(second, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.COMPENSATION_SKIPPED).hasSize(1);
        assertThat(operator.request(id, skip).duplicate()).as("also once the saga has ended").isTrue();
        assertThatThrownBy(() -> operator.request(id, OperatorRequest.skip("heidi", "again")))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("has ended (FAILED)");
    }

    @Test
    void twoSkipsOfTheSameStalledCompensationSkipItOnceAndNeverTheNextOne() throws Exception {
        SagaEngine engine = engine(stallingOnRefund(new AtomicBoolean(false)));
        SagaId id = stalled(engine);
        engines.forEach(SagaEngine::close); // no node: both operators' skips wait in the inbox together
        engines.clear();

        SignalReceipt alices = operator.skip(id, "alice", "refunded by hand");
        SignalReceipt bobs = operator.skip(id, "bob", "refunded by hand too");

        SagaInstance done = finish(engine(stallingOnRefund(new AtomicBoolean(false))), id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(log).as("the release still ran: only the refund was skipped").containsExactly("reserve", "charge", "release");
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.COMPENSATION_SKIPPED).singleElement()
                .satisfies(e -> assertThat(e.step()).isEqualTo("charge"));
        assertThat(operator.requestOutcome(alices).status()).isEqualTo(OperatorRequest.Status.APPLIED);
        OperatorRequest.Outcome second = operator.requestOutcome(bobs);
        assertThat(second.status()).isEqualTo(OperatorRequest.Status.REFUSED);
        assertThat(second.detail()).contains("no longer the one under way");
    }

    @Test
    void aRequestWhosePayloadDoesNotReadIsRefusedInTheHistoryAndTheSagaGoesOn() throws Exception {
        AtomicBoolean refundsWork = new AtomicBoolean(false);
        SagaEngine engine = engine(stallingOnRefund(refundsWork));
        SagaId id = stalled(engine);
        // Written past the client (by hand, or by a client of another version): not JSON at all.
        store.deliverSignal(new SignalRecord("garbled-1", id.value(), SignalRecord.RESOLVE, "not json", System.currentTimeMillis()),
                System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> types(engine.get(id)).contains(HistoryEventType.REQUEST_REFUSED));
        refundsWork.set(true);
        operator.retry(id, "frank", "gateway back");
        SagaInstance done = finish(engine, id);
        assertThat(done.state()).as("the saga was not stranded by the bad request").isEqualTo(SagaState.FAILED);
        assertThat(only(done, HistoryEventType.REQUEST_REFUSED).detail()).contains("garbled-1");
    }

    @Test
    void aReasonLongerThanTheLimitIsRefusedNamingTheField() {
        assertThatThrownBy(() -> OperatorRequest.cancel("bob", "x".repeat(OperatorRequest.MAX_REASON_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason must be at most 1000 characters");
    }

    @Test
    void cancelAndRetryRequestsRecordWhoAskedAndWhy() throws Exception {
        AtomicBoolean refundsWork = new AtomicBoolean(false);
        SagaEngine engine = engine(stallingOnRefund(refundsWork));
        SagaId id = stalled(engine);
        refundsWork.set(true);

        SignalReceipt retry = operator.retry(id, "ivan", "gateway back up");

        SagaInstance done = finish(engine, id);
        assertThat(only(done, HistoryEventType.OPERATOR_RETRY).detail())
                .isEqualTo("requested by ivan: gateway back up [request " + retry.signalId() + "]");
        assertThat(operator.requestOutcome(retry).detail()).contains("ivan");

        SagaEngine napping = engine(Saga.define("nap", Order.class)
                .step("a").invoke((o, c) -> r(o, "a")).compensateWith((o, c) -> log.add("undo a"))
                .sleep("nap", Duration.ofHours(1))
                .build());
        SagaId sleeping = napping.start("nap", new Order("o2"), "o2");
        await().atMost(Duration.ofSeconds(5)).until(() -> napping.get(sleeping).state() == SagaState.WAITING);
        operator.cancel(sleeping, "judy", "customer called");
        assertThat(only(finish(napping, sleeping), HistoryEventType.CANCEL_REQUESTED).detail())
                .startsWith("requested by judy: customer called [request ");
    }

    @Test
    void aResolveOutcomeOtherThanFailedOrCompletedIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> OperatorRequest.resolve("kim", "x", SagaState.CANCELLED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FAILED or COMPLETED");
    }

    private Order r(Order o, String what) {
        log.add(what);
        return o;
    }
}
