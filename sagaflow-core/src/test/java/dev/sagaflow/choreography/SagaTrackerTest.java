package dev.sagaflow.choreography;

import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.testing.DuplicatingTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The tracker reading choreographed sagas from their events, delivered twice and out of order. */
class SagaTrackerTest {
    private static final ChoreographyDefinition ORDERS = Choreography.define("order-choreography")
            .startsWith("orders.events", "OrderPlaced")
            .step("reserve-stock")
            .succeedsWith("inventory.events", "StockReserved")
            .failsWith("inventory.events", "StockRejected")
            .compensatedBy("inventory.events", "StockReleased")
            .step("charge-payment")
            .succeedsWith("payments.events", "PaymentCharged")
            .failsWith("payments.events", "PaymentDeclined")
            .compensatedBy("payments.events", "PaymentRefunded")
            .step("create-shipment")
            .succeedsWith("shipping.events", "ShipmentCreated")
            .failsWith("shipping.events", "ShipmentRejected")
            .build();

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final InMemoryTransport bus = new InMemoryTransport();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        bus.close();
    }

    private SagaTracker tracker(ChoreographyDefinition definition, Transport via) {
        SagaTracker tracker = SagaTracker.builder(store, via).track(definition)
                .checkDeadlinesEvery(Duration.ofMillis(50)).build().start();
        open.add(tracker);
        return tracker;
    }

    private static Message event(String sagaId, String channel, String type) {
        return new Message(Message.newId(), channel, type, sagaId, "order-" + sagaId.substring(0, 4), Map.of(),
                "{\"sagaId\":\"" + sagaId + "\"}");
    }

    /** The events each outcome produces, in chain order. */
    private static List<Message> chain(String sagaId, int failAt) {
        List<Message> events = new ArrayList<>();
        events.add(event(sagaId, "orders.events", "OrderPlaced"));
        String[][] hops = {{"inventory.events", "StockReserved", "StockRejected", "StockReleased"},
                {"payments.events", "PaymentCharged", "PaymentDeclined", "PaymentRefunded"},
                {"shipping.events", "ShipmentCreated", "ShipmentRejected", null}};
        for (int i = 0; i < hops.length; i++) {
            if (i == failAt) {
                events.add(event(sagaId, hops[i][0], hops[i][2]));
                for (int j = i - 1; j >= 0; j--) {
                    events.add(event(sagaId, hops[j][0], hops[j][3]));
                }
                return events;
            }
            events.add(event(sagaId, hops[i][0], hops[i][1]));
        }
        return events;
    }

    @Test
    void everyOutcomeIsReadRightFromEventsDeliveredTwiceAndShuffled() throws Exception {
        Transport duplicating = new DuplicatingTransport(bus, 50, 7);
        open.add(duplicating);
        SagaTracker tracker = tracker(ORDERS, duplicating);
        Map<String, SagaState> expected = new ConcurrentHashMap<>();
        List<Message> all = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            String sagaId = UUID.randomUUID().toString();
            int failAt = n % 4 == 3 ? -1 : n % 4; // fail at each hop, or not at all
            expected.put(sagaId, failAt < 0 ? SagaState.COMPLETED : SagaState.FAILED);
            all.addAll(chain(sagaId, failAt));
        }
        Collections.shuffle(all, new Random(3)); // compensations before failures, successes before starts

        for (int i = 0; i < all.size(); i += 40) {
            duplicating.send(all.subList(i, Math.min(all.size(), i + 40)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> expected.entrySet().stream()
                .allMatch(e -> store.find(e.getKey()).map(r -> r.state() == e.getValue()).orElse(false)));
        await("every event came twice").atMost(Duration.ofSeconds(10)).until(() -> tracker.duplicates() >= all.size() / 2);
        for (String sagaId : expected.keySet()) {
            SagaInstance s = tracker.get(new SagaId(sagaId));
            assertThat(s.sagaName()).isEqualTo("order-choreography");
            assertThat(s.history()).filteredOn(h -> h.type() == HistoryEventType.STEP_SKIPPED)
                    .as("nothing unexpected in %s", sagaId).isEmpty();
            assertThat(s.history().stream().filter(h -> h.type().name().startsWith("SAGA_") && h.type() != HistoryEventType.SAGA_STARTED))
                    .as("ended once").hasSize(1);
        }
        assertThat(tracker.countByState("order-choreography"))
                .containsEntry(SagaState.COMPLETED, 50L).containsEntry(SagaState.FAILED, 150L);
    }

    @Test
    void aFailureWaitsForExactlyTheCompensationsItOwes() {
        SagaTracker tracker = tracker(ORDERS, bus);
        String sagaId = UUID.randomUUID().toString();
        bus.send(List.of(event(sagaId, "orders.events", "OrderPlaced"), event(sagaId, "inventory.events", "StockReserved"),
                event(sagaId, "payments.events", "PaymentCharged"), event(sagaId, "shipping.events", "ShipmentRejected")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(sagaId) == SagaState.COMPENSATING);
        SagaInstance compensating = tracker.get(new SagaId(sagaId));
        assertThat(compensating.currentStep()).as("the latest compensation owed first").isEqualTo("charge-payment");

        bus.send(List.of(event(sagaId, "payments.events", "PaymentRefunded")));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.get(new SagaId(sagaId)).currentStep().equals("reserve-stock"));
        assertThat(stateOf(sagaId)).isEqualTo(SagaState.COMPENSATING);

        bus.send(List.of(event(sagaId, "inventory.events", "StockReleased")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(sagaId) == SagaState.FAILED);
        assertThat(tracker.get(new SagaId(sagaId)).failureReason()).contains("step 'create-shipment' failed");
    }

    @Test
    void aCompensationNobodyOwesIsRecordedAsUnexpectedAndNotActedOn() {
        SagaTracker tracker = tracker(ORDERS, bus);
        String sagaId = UUID.randomUUID().toString();
        bus.send(List.of(event(sagaId, "orders.events", "OrderPlaced"), event(sagaId, "inventory.events", "StockRejected")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(sagaId) == SagaState.FAILED);

        bus.send(List.of(event(sagaId, "inventory.events", "StockReleased")));
        await().atMost(Duration.ofSeconds(10)).until(() -> tracker.get(new SagaId(sagaId)).history().stream()
                .anyMatch(h -> h.type() == HistoryEventType.STEP_SKIPPED));
        SagaInstance s = tracker.get(new SagaId(sagaId));
        assertThat(s.state()).isEqualTo(SagaState.FAILED);
        assertThat(s.history().getLast().detail()).startsWith("unexpected here, not acted on: StockReleased");
    }

    @Test
    void aSagaPastItsDeadlineIsFlaggedStalledItsTimeoutEventIsPublishedAndItCanStillFinish() {
        ChoreographyDefinition withDeadline = Choreography.define("quick-orders")
                .startsWith("orders.events", "OrderPlaced")
                .step("reserve-stock").succeedsWith("inventory.events", "StockReserved")
                .failsWith("inventory.events", "StockRejected").compensatedBy("inventory.events", "StockReleased")
                .step("charge-payment").succeedsWith("payments.events", "PaymentCharged")
                .failsWith("payments.events", "PaymentDeclined")
                .deadline(Duration.ofMillis(300))
                .onTimeoutPublish("orders.timeouts", "OrderTimedOut")
                .build();
        Set<Message> timeouts = ConcurrentHashMap.newKeySet();
        bus.subscribe("orders.timeouts", "orders", timeouts::add);
        SagaTracker tracker = tracker(withDeadline, bus);
        String stuck = UUID.randomUUID().toString();
        String stuckCompensating = UUID.randomUUID().toString();
        String quick = UUID.randomUUID().toString();
        bus.send(List.of(event(stuck, "orders.events", "OrderPlaced"), event(stuck, "inventory.events", "StockReserved"),
                event(stuckCompensating, "orders.events", "OrderPlaced"),
                event(stuckCompensating, "inventory.events", "StockReserved"),
                event(stuckCompensating, "payments.events", "PaymentDeclined"),
                event(quick, "orders.events", "OrderPlaced"), event(quick, "inventory.events", "StockReserved"),
                event(quick, "payments.events", "PaymentCharged")));

        await().atMost(Duration.ofSeconds(10)).until(() -> timeouts.size() == 2);
        assertThat(stateOf(stuck)).isEqualTo(SagaState.STALLED);
        assertThat(stateOf(stuckCompensating)).isEqualTo(SagaState.COMPENSATION_STALLED);
        assertThat(stateOf(quick)).isEqualTo(SagaState.COMPLETED);
        assertThat(tracker.stalled("quick-orders")).extracting(s -> s.id().value())
                .containsExactlyInAnyOrder(stuck, stuckCompensating);
        Message timeout = timeouts.stream().filter(m -> m.sagaId().equals(stuck)).findFirst().orElseThrow();
        assertThat(timeout.type()).isEqualTo("OrderTimedOut");
        assertThat(timeout.payload()).contains("\"waitingFor\":\"charge-payment\"");
        assertThat(tracker.get(new SagaId(stuck)).history()).anyMatch(h -> h.type() == HistoryEventType.DEADLINE_EXCEEDED);
        assertThat(tracker.flagged()).isEqualTo(2);

        bus.send(List.of(event(stuck, "payments.events", "PaymentCharged")));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(stuck) == SagaState.COMPLETED);
        assertThat(timeouts).as("one timeout event per stalled saga").hasSize(2);
    }

    @Test
    void anEngineOnTheSameStoreReadsChoreographedSagasLikeItsOwn() {
        tracker(ORDERS, bus);
        String sagaId = UUID.randomUUID().toString();
        bus.send(chain(sagaId, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(sagaId) == SagaState.FAILED);
        try (SagaEngine engine = SagaEngine.builder(store).clientOnly().build()) {
            SagaInstance s = engine.get(new SagaId(sagaId));
            assertThat(s.state()).isEqualTo(SagaState.FAILED);
            assertThat(s.correlationId()).isEqualTo("order-" + sagaId.substring(0, 4));
            assertThat(s.history()).extracting(h -> h.type()).contains(HistoryEventType.SAGA_STARTED,
                    HistoryEventType.STEP_SUCCEEDED, HistoryEventType.STEP_FAILED, HistoryEventType.COMPENSATION_SUCCEEDED,
                    HistoryEventType.SAGA_FAILED);
        }
    }

    @Test
    void aChainThatGivesOneEventTwoMeaningsIsRefusedByName() {
        assertThatThrownBy(() -> Choreography.define("bad")
                .startsWith("orders.events", "OrderPlaced")
                .step("a").succeedsWith("x.events", "Done").failsWith("x.events", "Done")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event Done on x.events has two roles in choreography bad");
        assertThatThrownBy(() -> Choreography.define("bad").startsWith("o", "Placed").step("a").build())
                .hasMessageContaining("step 'a' of choreography bad needs succeedsWith");
    }

    private SagaState stateOf(String sagaId) {
        return store.find(sagaId).map(r -> r.state()).orElse(null);
    }
}
