package dev.sagaflow;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.testing.DuplicatingTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Remote steps: commands through the outbox, replies that move the instance, timeouts, duplicates. */
class RemoteStepTest {
    public record Order(String id, int amount, String reservation) {
    }

    public record ReserveStock(String orderId) {
    }

    public record Reserved(String reservation) {
    }

    /**
     * A participant on the transport: an inbox of message ids absorbs redeliveries, and effects are
     * keyed by idempotency key, so a retried command does not act twice.
     */
    static final class FakeService {
        final Set<String> inbox = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> effects = new ConcurrentHashMap<>();
        final Map<String, Integer> undone = new ConcurrentHashMap<>();
        final Set<String> silentFor = ConcurrentHashMap.newKeySet();

        void handle(Transport transport, Message command) {
            if (!inbox.add(command.id())) {
                return;
            }
            String key = command.header(MessageHeaders.IDEMPOTENCY_KEY).orElseThrow();
            if (silentFor.contains(command.correlationId()) && !command.type().equals("ReleaseStock")) {
                return;
            }
            Reply reply;
            switch (command.type()) {
                case "ReserveStock" -> {
                    effects.putIfAbsent(key, 1);
                    reply = Reply.success(new Reserved("r-" + command.correlationId()));
                }
                case "Charge" -> {
                    if (command.payload().contains("\"amount\":5000")) {
                        reply = Reply.failure("card declined");
                    } else {
                        effects.putIfAbsent(key, 1);
                        reply = Reply.success(null);
                    }
                }
                case "ReleaseStock", "Refund" -> {
                    undone.merge(key, 1, Integer::sum);
                    reply = Reply.success(null);
                }
                default -> throw new IllegalArgumentException(command.type());
            }
            transport.send(List.of(reply.toMessage(command)));
        }
    }

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static SagaDefinition<Order> saga(Duration replyTimeout) {
        return Saga.define("remote-order", Order.class)
                .step("reserve")
                .sendCommand("inventory.commands", "ReserveStock", o -> new ReserveStock(o.id()))
                .onReply((o, reply) -> new Order(o.id(), o.amount(), reply.payloadAs(Reserved.class).reservation()))
                .compensateWithCommand("inventory.commands", "ReleaseStock", o -> new ReserveStock(o.id()))
                .timeout(replyTimeout)
                .step("charge")
                .sendCommand("payment.commands", "Charge", o -> o)
                .compensateWithCommand("payment.commands", "Refund", o -> o)
                .timeout(replyTimeout)
                .retry(RetryPolicy.builder().maxAttempts(1).build())
                .step("confirm").invoke((o, c) -> o)
                .build();
    }

    private SagaEngine engine(Transport transport, FakeService service, Duration replyTimeout) {
        InMemorySagaStore store = new InMemorySagaStore();
        for (String channel : List.of("inventory.commands", "payment.commands")) {
            open.add(transport.subscribe(channel, channel.substring(0, channel.indexOf('.')), m -> service.handle(transport, m)));
        }
        SagaEngine engine = SagaEngine.builder(store).register(saga(replyTimeout)).transport(transport)
                .pollInterval(Duration.ofMillis(20)).build();
        open.add(engine);
        return engine;
    }

    private Transport transport(Transport t) {
        open.add(t);
        return t;
    }

    @Test
    void aSagaCompletesThroughCommandsAndRepliesAndTheReplyFillsItsData() throws Exception {
        SagaEngine engine = engine(transport(new InMemoryTransport()), new FakeService(), Duration.ofSeconds(10));

        SagaId id = engine.start("remote-order", new Order("o-1", 100, null), "o-1");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Order.class).reservation()).isEqualTo("r-o-1");
        assertThat(done.history()).extracting(HistoryEvent::type).containsSubsequence(
                HistoryEventType.COMMAND_SENT, HistoryEventType.STEP_SUCCEEDED,
                HistoryEventType.COMMAND_SENT, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_COMPLETED);
    }

    @Test
    void aFailureReplyCompensatesTheRemoteStepsBeforeIt() throws Exception {
        FakeService service = new FakeService();
        SagaEngine engine = engine(transport(new InMemoryTransport()), service, Duration.ofSeconds(10));

        SagaId id = engine.start("remote-order", new Order("o-2", 5000, null), "o-2");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("card declined");
        assertThat(service.undone).containsOnlyKeys(id.value() + "/reserve");
    }

    @Test
    void aReplyThatNeverComesIsAFailureWithUnknownOutcomeSoTheStepIsCompensatedToo() throws Exception {
        FakeService service = new FakeService();
        service.silentFor.add("o-3");
        Transport transport = transport(new InMemoryTransport());
        SagaEngine engine = engine(transport, service, Duration.ofMillis(300));
        SagaId id = engine.start("remote-order", new Order("o-3", 100, null), "o-3", "o-3");
        // Reserve never answers either: the saga fails at its first step, which is compensated all the same.
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(20)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.STEP_FAILED)
                .allSatisfy(e -> assertThat(e.detail()).contains("no reply within").contains("outcome unknown"));
        assertThat(service.undone).as("the unanswered step is undone: it may have acted")
                .containsOnlyKeys(id.value() + "/reserve");
    }

    @Test
    void everyMessageDeliveredTwiceAndOutOfOrderMovesEachSagaOnce() {
        FakeService service = new FakeService();
        DuplicatingTransport transport = new DuplicatingTransport(new InMemoryTransport(), 50, 7);
        open.add(transport);
        SagaEngine engine = engine(transport, service, Duration.ofSeconds(20));
        List<SagaId> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(engine.start("remote-order", new Order("o-" + i, i % 10 == 0 ? 5000 : 100, null), "o-" + i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> engine.get(id).state().isTerminal()));

        assertThat(transport.duplicatesSent.get()).as("duplicates were sent").isPositive();
        assertThat(engine.repliesIgnored()).as("duplicate replies were dropped").isPositive();
        for (SagaId id : ids) {
            SagaInstance saga = engine.get(id);
            boolean declined = saga.data(Order.class).amount() == 5000;
            assertThat(saga.state()).isEqualTo(declined ? SagaState.FAILED : SagaState.COMPLETED);
            Set<String> succeeded = new HashSet<>();
            for (HistoryEvent e : saga.history()) {
                if (e.type() == HistoryEventType.STEP_SUCCEEDED || e.type() == HistoryEventType.COMPENSATION_SUCCEEDED) {
                    assertThat(succeeded.add(e.type() + e.step())).as("%s of %s recorded once", e.step(), id).isTrue();
                }
            }
            assertThat(saga.history()).filteredOn(e -> e.type() == HistoryEventType.COMMAND_SENT)
                    .hasSize(declined ? 3 : 2);
        }
        assertThat(service.undone.values()).allMatch(n -> n == 1);
    }

    @Test
    void anEngineWithoutATransportRefusesASagaWithRemoteSteps() {
        InMemorySagaStore store = new InMemorySagaStore();
        assertThatThrownBy(() -> SagaEngine.builder(store).register(saga(Duration.ofSeconds(1))).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("remote-order").hasMessageContaining("transport");
    }

    @Test
    void aStepThatIsBothLocalAndRemoteIsRefused() {
        assertThatThrownBy(() -> Saga.define("both", Order.class)
                .step("x").invoke((o, c) -> o).sendCommand("a", "B", o -> o).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'x' has both invoke(...) and sendCommand(...)");
    }
}
