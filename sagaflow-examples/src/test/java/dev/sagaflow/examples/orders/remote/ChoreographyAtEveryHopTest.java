package dev.sagaflow.examples.orders.remote;

import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.choreography.SagaTracker;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.participant.Participant;
import dev.sagaflow.testing.DuplicatingTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.sagaflow.examples.orders.remote.OrderMessages.INVENTORY_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.NOTIFICATION_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.ORDER_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.PAYMENT_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.SHIPPING_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's services in choreography, each on its own SQLite database, every event delivered twice
 * and shuffled: an order that fails at each hop produces exactly the compensation events the chain
 * declares for that hop, no more; the tracker reads every order right, including those stalled
 * while a service is down, which finish once it is back.
 */
class ChoreographyAtEveryHopTest {
    @TempDir
    Path dir;

    private final InMemoryTransport bus = new InMemoryTransport();
    private final Transport twice = new DuplicatingTransport(bus, 30, 5);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        twice.close();
    }

    private void service(String name) {
        open.add(OrderServices.start(name, OrderServices.Mode.CHOREOGRAPHY, dir, twice, Faults.none(), Duration.ZERO));
    }

    @Test
    void eachHopsFailureGetsExactlyItsCompensationsAndStalledOrdersAreReported() {
        // Every event type published, per saga, counted once per distinct message.
        Map<String, Map<String, String>> published = new ConcurrentHashMap<>();
        for (String channel : List.of(ORDER_EVENTS, INVENTORY_EVENTS, PAYMENT_EVENTS, SHIPPING_EVENTS, NOTIFICATION_EVENTS)) {
            bus.subscribe(channel, "spy", m -> published.computeIfAbsent(m.sagaId(), k -> new ConcurrentHashMap<>())
                    .put(m.id(), m.type()));
        }
        InMemorySagaStore store = new InMemorySagaStore();
        SagaTracker tracker = SagaTracker.builder(store, twice).track(OrderChoreography.definition(Duration.ofSeconds(5)))
                .checkDeadlinesEvery(Duration.ofMillis(100)).build().start();
        open.add(tracker);
        service("inventory");
        service("payments");
        service("shipping");
        // Notifications is deployed (its subscription kept) but down for now: its events wait for it.
        twice.declare(SHIPPING_EVENTS, "notifications");
        Participant orders = Participant.builder("orders", dir.resolve("orders.db").toString(), twice).build().start();
        open.add(orders);

        OrderBook book = new OrderBook(0.5);
        Map<String, OrderBook.Fate> fates = new HashMap<>();
        Map<String, String> sagaOf = new HashMap<>();
        for (int n = 1; n <= 120; n++) {
            var order = book.order(n);
            String sagaId = orders.execute(tx -> tx.startSaga(ORDER_EVENTS, "OrderPlaced", order.id(), order));
            fates.put(sagaId, book.fate(n));
            sagaOf.put(order.id(), sagaId);
        }
        assertThat(fates.values()).contains(OrderBook.Fate.values());

        // The failed ones end; the good ones wait for notifications past their deadline.
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> fates.entrySet().stream().allMatch(e ->
                    state(store, e.getKey()) == (e.getValue() == OrderBook.Fate.COMPLETES ? SagaState.STALLED : SagaState.FAILED)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fates.forEach((id, fate) -> {
                SagaState want = fate == OrderBook.Fate.COMPLETES ? SagaState.STALLED : SagaState.FAILED;
                if (state(store, id) != want) {
                    System.out.println("not where expected: " + id + " " + fate + " " + state(store, id) + " " + published.get(id));
                }
            });
            throw e;
        }
        List<SagaInstance> stalled = tracker.stalled(OrderChoreography.NAME);
        assertThat(stalled).hasSize((int) fates.values().stream().filter(f -> f == OrderBook.Fate.COMPLETES).count())
                .allMatch(s -> "send-confirmation".equals(s.currentStep()));
        await().atMost(Duration.ofSeconds(10)).until(() -> fates.entrySet().stream()
                .filter(e -> e.getValue() == OrderBook.Fate.COMPLETES)
                .allMatch(e -> published.getOrDefault(e.getKey(), Map.of()).containsValue("OrderTimedOut")));

        service("notifications");
        await().atMost(Duration.ofSeconds(60)).until(() -> fates.entrySet().stream().allMatch(e ->
                state(store, e.getKey()) == (e.getValue() == OrderBook.Fate.COMPLETES ? SagaState.COMPLETED : SagaState.FAILED)));

        for (var e : fates.entrySet()) {
            List<String> expected = switch (e.getValue()) {
                case NO_STOCK -> List.of("OrderPlaced", "StockRejected");
                case CARD_DECLINED -> List.of("OrderPlaced", "StockReserved", "PaymentDeclined", "StockReleased");
                case CARRIER_DOWN -> List.of("OrderPlaced", "StockReserved", "PaymentCharged", "ShipmentRejected",
                        "PaymentRefunded", "StockReleased");
                case COMPLETES -> List.of("OrderPlaced", "StockReserved", "PaymentCharged", "ShipmentCreated",
                        "OrderTimedOut", "OrderConfirmed");
            };
            assertThat(published.get(e.getKey()).values()).as("%s (%s)", e.getKey(), e.getValue())
                    .containsExactlyInAnyOrderElementsOf(expected);
            SagaInstance s = tracker.get(new SagaId(e.getKey()));
            assertThat(s.history()).as("nothing unexpected").noneMatch(h -> h.type() == HistoryEventType.STEP_SKIPPED);
        }
        assertThat(tracker.duplicates()).as("events came twice").isPositive();
    }

    private static SagaState state(InMemorySagaStore store, String sagaId) {
        return store.find(sagaId).map(r -> r.state()).orElse(null);
    }
}
