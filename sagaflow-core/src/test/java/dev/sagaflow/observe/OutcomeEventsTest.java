package dev.sagaflow.observe;

import dev.sagaflow.HistoryEventType;
import dev.sagaflow.InvalidSagaDefinitionException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaOutcome;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A saga that publishes its end: one event per end, through the outbox, with its data and failure. */
class OutcomeEventsTest {
    public record Order(String id, int amount, String status) {
    }

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Message> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static SagaDefinition<Order> saga() {
        return Saga.define("order", Order.class)
                .publishOutcomes("orders.saga-events")
                .step("reserve").invoke((o, c) -> new Order(o.id(), o.amount(), "reserved")).compensateWith((o, c) -> { })
                .step("charge").invoke((o, c) -> {
                    if (o.amount() > 100) {
                        throw new IllegalStateException("card declined");
                    }
                    return o;
                }).retry(RetryPolicy.builder().maxAttempts(1).build())
                .sleepUntil("cool-off", o -> Instant.now().plus(o.amount() == 50 ? Duration.ofMinutes(5) : Duration.ZERO))
                .build();
    }

    private SagaEngine engine() {
        return engine(new CopyOnWriteArrayList<>());
    }

    private SagaEngine engine(List<SagaEvent> told) {
        Transport transport = new InMemoryTransport();
        open.add(transport);
        open.add(transport.subscribe("orders.saga-events", "order-service", events::add));
        SagaEngine engine = SagaEngine.builder(store).register(saga()).transport(transport)
                .pollInterval(Duration.ofMillis(20)).eventListener(told::add).build();
        open.add(engine);
        return engine;
    }

    private List<Message> eventsOf(SagaId id) {
        return events.stream().filter(m -> m.sagaId().equals(id.value())).toList();
    }

    @Test
    void aCompletedSagaPublishesItsDataOnce() throws Exception {
        SagaEngine engine = engine();
        SagaId id = engine.start("order", new Order("o-1", 10, "new"), "o-1", "corr-1");
        engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id).isEmpty());

        Message event = eventsOf(id).getFirst();
        assertThat(event.type()).isEqualTo(SagaOutcome.COMPLETED);
        assertThat(event.correlationId()).isEqualTo("corr-1");
        SagaOutcome outcome = event.payloadAs(SagaOutcome.class);
        assertThat(outcome.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.sagaName()).isEqualTo("order");
        assertThat(outcome.dataAs(Order.class)).isEqualTo(new Order("o-1", 10, "reserved"));
        Thread.sleep(300); // a second copy would come from the outbox in this time
        assertThat(eventsOf(id)).hasSize(1);
    }

    @Test
    void aCompensatedSagaPublishesWhyItFailed() throws Exception {
        SagaEngine engine = engine();
        SagaId id = engine.start("order", new Order("o-2", 500, "new"), "o-2");
        assertThat(engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow().state()).isEqualTo(SagaState.FAILED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id).isEmpty());
        SagaOutcome outcome = eventsOf(id).getFirst().payloadAs(SagaOutcome.class);
        assertThat(eventsOf(id).getFirst().type()).isEqualTo(SagaOutcome.FAILED);
        assertThat(outcome.failure()).contains("card declined");
    }

    @Test
    void aCancelledSagaPublishesItsCancel() throws Exception {
        SagaEngine engine = engine();
        SagaId id = engine.start("order", new Order("o-3", 50, "new"), "o-3");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).history().stream()
                .anyMatch(e -> e.type() == HistoryEventType.WAIT_STARTED));
        engine.client().cancel(id, "ops", "customer called");
        assertThat(engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow().state()).isEqualTo(SagaState.CANCELLED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id).isEmpty());
        assertThat(eventsOf(id)).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo(SagaOutcome.CANCELLED));
    }

    @Test
    void aSagaAnOperatorResolvesPublishesTheEndTheOperatorChose() throws Exception {
        List<SagaEvent> told = new CopyOnWriteArrayList<>();
        SagaEngine engine = engine(told);
        SagaId id = engine.start("order", new Order("o-4", 50, "new"), "o-4");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).history().stream()
                .anyMatch(e -> e.type() == HistoryEventType.WAIT_STARTED));
        engine.client().resolve(id, "ops", "shipped by hand", SagaState.COMPLETED);
        assertThat(engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id).isEmpty());
        assertThat(eventsOf(id)).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo(SagaOutcome.COMPLETED));
        await().atMost(Duration.ofSeconds(10)).until(() -> told.stream().anyMatch(SagaEvent.Completed.class::isInstance));
    }

    @Test
    void aNodesOwnCancelThatEndsTheSagaAtOncePublishesAndTellsItToo() throws Exception {
        List<SagaEvent> told = new CopyOnWriteArrayList<>();
        Transport transport = new InMemoryTransport();
        open.add(transport);
        open.add(transport.subscribe("orders.saga-events", "order-service", events::add));
        SagaEngine engine = SagaEngine.builder(store).transport(transport).pollInterval(Duration.ofMillis(20))
                .eventListener(told::add)
                .register(Saga.define("napping", Order.class).publishOutcomes("orders.saga-events")
                        .sleep("nap", Duration.ofMinutes(5))
                        .step("reserve").invoke((o, c) -> o)
                        .build())
                .build();
        open.add(engine);
        SagaId id = engine.start("napping", new Order("o-5", 1, "new"), "o-5");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).history().stream()
                .anyMatch(e -> e.type() == HistoryEventType.WAIT_STARTED));

        assertThat(engine.cancel(id).state()).as("nothing to compensate: cancelled at once").isEqualTo(SagaState.CANCELLED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id).isEmpty()
                && told.stream().anyMatch(e -> e instanceof SagaEvent.Cancelled c && c.saga().id().equals(id)));
        assertThat(eventsOf(id)).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo(SagaOutcome.CANCELLED));
    }

    @Test
    void aDefinitionThatPublishesNeedsAUsableChannelAndAnEngineWithATransport() {
        assertThatThrownBy(() -> Saga.define("order", Order.class).publishOutcomes("bad\u0000channel")
                .step("a").invoke((o, c) -> o).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("outcome events");
        assertThatThrownBy(() -> SagaEngine.builder(store).register(saga()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outcome events").hasMessageContaining("transport");
    }
}
