package dev.sagaflow.examples.orders;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SqliteSagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order through the real saga, participants and SQLite store, with a failure placed at each
 * step and in each compensation; the final state and the four ledgers are checked.
 */
class FailureAtEveryStepTest {
    private static final String CARD = "4242424242424242";

    @TempDir
    Path dir;

    private final ScriptedFaults faults = new ScriptedFaults();
    private Participants participants;
    private SqliteSagaStore store;
    private SagaEngine engine;

    @BeforeEach
    void start() {
        participants = Participants.open(dir, faults, Duration.ZERO);
        store = SqliteSagaStore.open(dir.resolve("sagas.db"));
        // Compensation backoff of 50 ms doubling: the 6th try comes 1.6 s after the 5th, which leaves an
        // operator's retry (stallingCompensation…) a window without racing the automatic one.
        engine = SagaEngine.builder(store)
                .register(OrderFulfilmentSaga.definition(participants, RetryPolicy.builder()
                        .maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(50)).multiplier(2)
                        .maxDelay(Duration.ofSeconds(10)).jitter(0).build()))
                .build();
    }

    @AfterEach
    void stop() {
        engine.close();
        store.close();
        participants.close();
    }

    private static Order order(String id) {
        return new Order(id, "SKU-1", 2, 4_200, CARD, "EU-1", null, null);
    }

    private SagaInstance run(Order order) throws InterruptedException {
        SagaId id = engine.start(OrderFulfilmentSaga.NAME, order, order.id());
        return engine.awaitTermination(id, Duration.ofSeconds(20)).orElseThrow();
    }

    private LedgerAudit.Result audit(String orderId, SagaState state) {
        return new LedgerAudit(participants).audit(1, Map.of(orderId, state));
    }

    private static List<HistoryEventType> types(SagaInstance instance) {
        return instance.history().stream().map(HistoryEvent::type).toList();
    }

    private static long count(SagaInstance instance, HistoryEventType type, String step) {
        return instance.history().stream().filter(e -> e.type() == type && step.equals(e.step())).count();
    }

    @Test
    void everyStepSucceeds() throws Exception {
        SagaInstance done = run(order("order-1"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Order.class).chargeId()).startsWith("ch_");
        assertThat(done.data(Order.class).trackingNumber()).startsWith("TRK");
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 1, 0, 0, 0));
    }

    @Test
    void noStockFailsAtTheFirstStepWithNothingToUndo() throws Exception {
        Order order = new Order("order-1", OrderBook.SOLD_OUT_SKU, 1, 4_200, CARD, "EU-1", null, null);

        SagaInstance done = run(order);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("no stock");
        assertThat(count(done, HistoryEventType.STEP_FAILED, "reserve-inventory")).as("not retried").isEqualTo(1);
        assertThat(types(done)).doesNotContain(HistoryEventType.COMPENSATION_SUCCEEDED);
        assertThat(participants.inventory().reservationsByOrder()).isEmpty();
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aDeclinedCardReleasesTheReservation() throws Exception {
        Order order = new Order("order-1", "SKU-1", 2, 4_200, OrderBook.DECLINED_CARD, "EU-1", null, null);

        SagaInstance done = run(order);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("payment declined");
        assertThat(participants.inventory().reservationsByOrder().get("order-1")).containsExactly(0, 1);
        assertThat(participants.payments().chargesByOrder()).isEmpty();
        assertThat(participants.inventory().stockDiscrepancies()).isEmpty();
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aCarrierThatStaysDownFailsThePivotAndBothEarlierStepsAreUndoneInReverseOrder() throws Exception {
        Order order = new Order("order-1", "SKU-1", 2, 4_200, CARD, OrderBook.UNSERVED_REGION, null, null);

        SagaInstance done = run(order);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("carrier down");
        assertThat(count(done, HistoryEventType.STEP_FAILED, "create-shipment")).isEqualTo(6);
        assertThat(done.history().stream().filter(e -> e.type() == HistoryEventType.COMPENSATION_SUCCEEDED)
                .map(HistoryEvent::step)).containsExactly("charge-payment", "reserve-inventory");
        assertThat(participants.payments().chargesByOrder().get("order-1")).containsExactly(0, 1);
        assertThat(participants.inventory().reservationsByOrder().get("order-1")).containsExactly(0, 1);
        assertThat(participants.shipping().shipmentsByOrder()).isEmpty();
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aConfirmationThatFailsIsRetriedUntilItIsSent() throws Exception {
        faults.failBefore("confirm", 3).failAfter("confirm", 2);

        SagaInstance done = run(order("order-1"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(count(done, HistoryEventType.STEP_FAILED, "send-confirmation")).isEqualTo(5);
        assertThat(participants.notifications().confirmationsByOrder()).containsEntry("order-1", 1);
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 1, 0, 0, 0));
    }

    @Test
    void repliesLostAfterEveryForwardStepHaveNoSecondEffect() throws Exception {
        faults.failAfter("reserve", 1).failAfter("charge", 1).failAfter("ship", 1).failAfter("confirm", 1);

        SagaInstance done = run(order("order-1"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.history().stream().filter(e -> e.type() == HistoryEventType.STEP_FAILED)).hasSize(4);
        assertThat(participants.inventory().stockDiscrepancies()).isEmpty();
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 1, 0, 0, 0));
    }

    @Test
    void aRefundAndAReleaseThatFailBeforeApplyingAreRetried() throws Exception {
        faults.failBefore("refund", 2).failBefore("release", 3);
        Order order = new Order("order-1", "SKU-1", 2, 4_200, CARD, OrderBook.UNSERVED_REGION, null, null);

        SagaInstance done = run(order);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(count(done, HistoryEventType.COMPENSATION_FAILED, "charge-payment")).isEqualTo(2);
        assertThat(count(done, HistoryEventType.COMPENSATION_FAILED, "reserve-inventory")).isEqualTo(3);
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aReleaseWhoseReplyIsLostReturnsTheStockOnlyOnce() throws Exception {
        faults.failAfter("release", 2).failAfter("refund", 2);
        Order order = new Order("order-1", "SKU-1", 2, 4_200, CARD, OrderBook.UNSERVED_REGION, null, null);

        SagaInstance done = run(order);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(count(done, HistoryEventType.COMPENSATION_FAILED, "reserve-inventory")).isEqualTo(2);
        assertThat(participants.inventory().stockDiscrepancies()).as("stock returned once").isEmpty();
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aCompensationThatKeepsFailingStallsAndAnOperatorRetryFinishesItOnceFixed() throws Exception {
        faults.failBefore("refund", Integer.MAX_VALUE);
        Order order = new Order("order-1", "SKU-1", 2, 4_200, CARD, OrderBook.UNSERVED_REGION, null, null);
        SagaId id = engine.start(OrderFulfilmentSaga.NAME, order, order.id());

        await().atMost(Duration.ofSeconds(20)).until(() -> engine.get(id).state() == SagaState.COMPENSATION_STALLED);
        assertThat(audit("order-1", SagaState.COMPENSATION_STALLED).report().pending()).isEqualTo(1);
        assertThat(participants.payments().chargesByOrder().get("order-1")).as("not yet refunded").containsExactly(1, 0);

        faults.clear(); // the payment service is fixed
        engine.retry(id);
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(1)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(types(done)).contains(HistoryEventType.COMPENSATION_STALLED, HistoryEventType.OPERATOR_RETRY);
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aCancelledOrderIsCompensated() throws Exception {
        faults.failBefore("ship", Integer.MAX_VALUE); // hold the order before its pivot
        SagaId id = engine.start(OrderFulfilmentSaga.NAME, order("order-1"), "order-1");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                engine.get(id).history().stream().anyMatch(e -> e.type() == HistoryEventType.STEP_FAILED));

        // While a pivot attempt is under way a cancel is refused (nothing undoes the pivot); between two
        // of its attempts (the retry's backoff) it is taken. An operator told "not now" asks again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
            try {
                engine.cancel(id);
                return true;
            } catch (dev.sagaflow.IllegalSagaStateException underWay) {
                assertThat(underWay).hasMessageContaining("pivot 'create-shipment' is under way");
                return false;
            }
        });
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(audit("order-1", done.state()).report()).isEqualTo(new DemoReport(1, 0, 1, 0, 0));
    }

    @Test
    void aReleaseThatArrivesBeforeItsReserveLeavesATombstoneSoTheLateReserveDoesNothing() throws Exception {
        Order order = order("order-9");
        participants.inventory().release("saga-9/reserve-inventory", order);
        participants.inventory().reserve("saga-9/reserve-inventory", order);

        assertThat(participants.inventory().reservationsByOrder()).isEmpty();
        assertThat(participants.inventory().stockDiscrepancies()).isEmpty();
    }
}
