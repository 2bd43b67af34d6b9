package dev.sagaflow.participant;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.testing.DuplicatingTransport;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The participant library on SQLite: inbox, outbox and handler in one local transaction. */
class ParticipantTest {
    public record Reserve(String sku, int qty) {
    }

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Transport transport;

    @BeforeEach
    void openTransport() {
        transport = JdbcTransport.open(dir.resolve("messages.db").toString());
        open.add(transport);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** A warehouse whose handler is not idempotent by itself: only the inbox keeps a redelivery from taking stock twice. */
    private Participant warehouse(Transport via) {
        Participant p = Participant.builder("warehouse", dir.resolve("warehouse.db").toString(), via)
                .handle("warehouse.commands", "Reserve", Reserve.class, (command, ctx) -> {
                    Connection c = ctx.connection();
                    try (PreparedStatement take = c.prepareStatement("UPDATE stock SET qty = qty - ? WHERE sku = ?")) {
                        take.setInt(1, command.qty());
                        take.setString(2, command.sku());
                        take.executeUpdate();
                    }
                    if (stock(c, command.sku()) < 0) {
                        throw new CommandRejectedException("out of stock: " + command.sku());
                    }
                    ctx.publish("warehouse.events", "StockReserved", command);
                    return Reply.success(Map.of("left", stock(c, command.sku())));
                })
                .handleCompensation("warehouse.commands", "Release", Reserve.class, "Reserve", (command, ctx) -> {
                    try (PreparedStatement put = ctx.connection().prepareStatement(
                            "UPDATE stock SET qty = qty + ? WHERE sku = ?")) {
                        put.setInt(1, command.qty());
                        put.setString(2, command.sku());
                        put.executeUpdate();
                    }
                    return Reply.success(null);
                })
                .build();
        open.add(p);
        p.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS stock (sku VARCHAR(20) PRIMARY KEY, qty INTEGER NOT NULL)");
                s.execute("INSERT INTO stock VALUES ('A', 100) ON CONFLICT (sku) DO NOTHING");
            }
            return null;
        });
        return p.start();
    }

    private static int stock(Connection c, String sku) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT qty FROM stock WHERE sku = ?")) {
            read.setString(1, sku);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int stockOf(Participant warehouse) {
        Integer qty = warehouse.inTransaction(c -> stock(c, "A"));
        return qty;
    }

    private static Message command(String type, int qty) {
        return new Message(Message.newId(), "warehouse.commands", type, "saga-1", "order-1",
                Map.of(MessageHeaders.REPLY_TO, "replies", MessageHeaders.IDEMPOTENCY_KEY, "saga-1/reserve"),
                "{\"sku\":\"A\",\"qty\":" + qty + "}");
    }

    @Test
    void aRedeliveredCommandHasNoSecondEffectAndItsReplyIsSentOnce() {
        Participant warehouse = warehouse(transport);
        Map<String, Message> replies = new ConcurrentHashMap<>();
        List<Message> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        transport.subscribe("replies", "engine", m -> replies.put(m.id(), m));
        transport.subscribe("warehouse.events", "audit", events::add);
        Message reserve = command("Reserve", 3);

        transport.send(List.of(reserve));
        await().atMost(Duration.ofSeconds(20)).until(() -> replies.size() == 1);
        transport.send(List.of(reserve)); // the broker delivers it again
        await().atMost(Duration.ofSeconds(20)).until(() -> warehouse.duplicates() == 1);

        assertThat(stockOf(warehouse)).isEqualTo(97);
        Message reply = replies.values().iterator().next();
        assertThat(reply.header(MessageHeaders.IN_REPLY_TO)).contains(reserve.id());
        assertThat(Reply.of(reply).succeeded()).isTrue();
        assertThat(reply.correlationId()).isEqualTo("order-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> events.size() == 1);
        assertThat(events.getFirst().type()).isEqualTo("StockReserved");
        assertThat(events.getFirst().header(MessageHeaders.TRACEPARENT)).as("no propagation configured: no trace context")
                .isEmpty();
    }

    @Test
    void aRefusedCommandRollsBackTheHandlersWriteButStillRepliesWithTheFailure() {
        Participant warehouse = warehouse(transport);
        Map<String, Message> replies = new ConcurrentHashMap<>();
        transport.subscribe("replies", "engine", m -> replies.put(m.id(), m));

        transport.send(List.of(command("Reserve", 500)));

        await().atMost(Duration.ofSeconds(20)).until(() -> replies.size() == 1);
        Reply reply = Reply.of(replies.values().iterator().next());
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.FAILURE);
        assertThat(reply.failure()).isEqualTo("out of stock: A");
        assertThat(stockOf(warehouse)).as("the handler's write was undone").isEqualTo(100);
    }

    public record Order(String id, int qty) {
    }

    @Test
    void sagasAgainstTheParticipantWithEveryMessageTwiceLeaveStockExact() {
        Transport twice = new DuplicatingTransport(JdbcTransport.open(dir.resolve("messages.db").toString()), 200, 5);
        open.add(twice);
        Participant warehouse = warehouse(twice);
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve")
                .sendCommand("warehouse.commands", "Reserve", o -> new Reserve("A", o.qty()))
                .compensateWithCommand("warehouse.commands", "Release", o -> new Reserve("A", o.qty()))
                .step("ship").invoke((o, c) -> {
                    if (o.id().endsWith("7")) {
                        throw new dev.sagaflow.NonRetryableStepException("no courier");
                    }
                    return o;
                })
                .build();
        SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("sagas.db"));
        open.add(store);
        SagaEngine engine = SagaEngine.builder(store).register(saga).transport(twice).build();
        open.add(engine);
        List<SagaId> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(engine.start("order", new Order("o-" + i, 1), "o-" + i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> engine.get(id).state().isTerminal()));

        long completed = ids.stream().filter(id -> engine.get(id).state() == SagaState.COMPLETED).count();
        assertThat(completed).isEqualTo(54);
        assertThat(stockOf(warehouse)).as("one unit per completed order, none for the failed")
                .isEqualTo(100 - 54);
        assertThat(warehouse.duplicates()).as("redeliveries were absorbed").isPositive();
    }

    /** Holds back every command of one type until told to let them go: a lagging partition, a slow queue. */
    private static final class HoldingTransport implements Transport {
        private final Transport delegate;
        private final String heldType;
        private final List<Message> held = new java.util.concurrent.CopyOnWriteArrayList<>();

        HoldingTransport(Transport delegate, String heldType) {
            this.delegate = delegate;
            this.heldType = heldType;
        }

        @Override
        public void declare(String channel, String group) {
            delegate.declare(channel, group);
        }

        @Override
        public void send(List<Message> messages) {
            List<Message> now = new ArrayList<>();
            for (Message m : messages) {
                (m.type().equals(heldType) ? held : now).add(m);
            }
            if (!now.isEmpty()) {
                delegate.send(now);
            }
        }

        int held() {
            return held.size();
        }

        void letGo() {
            delegate.send(List.copyOf(held));
            held.clear();
        }

        @Override
        public Subscription subscribe(String channel, String group, dev.sagaflow.messaging.MessageHandler handler) {
            return delegate.subscribe(channel, group, handler);
        }

        @Override
        public String name() {
            return delegate.name() + " (holding " + heldType + ")";
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * The engine gives up waiting for the Reserve reply and compensates; the Release reaches the
     * warehouse before the Reserve does. The warehouse keeps a tombstone, so the late Reserve takes
     * no stock, and its reply (not awaited any more) moves nothing.
     */
    @Test
    void aCommandThatArrivesAfterItsCompensationTakesNoEffect() throws Exception {
        HoldingTransport slow = new HoldingTransport(transport, "Reserve");
        Participant warehouse = warehouse(slow);
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve")
                .sendCommand("warehouse.commands", "Reserve", o -> new Reserve("A", o.qty()))
                .compensateWithCommand("warehouse.commands", "Release", o -> new Reserve("A", o.qty()))
                .timeout(Duration.ofMillis(300))
                .retry(dev.sagaflow.RetryPolicy.none())
                .step("ship").invoke((o, c) -> o)
                .build();
        SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("sagas.db"));
        open.add(store);
        SagaEngine engine = SagaEngine.builder(store).register(saga).transport(slow).build();
        open.add(engine);

        SagaId id = engine.start("order", new Order("o-1", 5), "o-1");
        assertThat(engine.awaitTermination(id, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(SagaState.FAILED);
        assertThat(slow.held()).isEqualTo(1);
        assertThat(stockOf(warehouse)).as("the Release found nothing to undo").isEqualTo(100);

        long ignoredBefore = engine.repliesIgnored();
        slow.letGo();
        await().atMost(Duration.ofSeconds(20)).until(() -> warehouse.overtaken() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.repliesIgnored() > ignoredBefore);
        assertThat(stockOf(warehouse)).as("the late Reserve took no stock").isEqualTo(100);
        assertThat(engine.get(id).state()).isEqualTo(SagaState.FAILED);
    }
}
