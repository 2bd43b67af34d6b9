package dev.sagaflow.participant;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaOutcome;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order service reacts to the order sagas' ends: their outcome events come through the engine's
 * outbox and the JDBC transport, and the participant library applies each once, duplicates included.
 */
class OutcomeEventConsumerTest {
    public record Order(String id, int amount) {
    }

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T opened(T resource) {
        open.add(resource);
        return resource;
    }

    private static SagaDefinition<Order> saga() {
        return Saga.define("order", Order.class)
                .publishOutcomes("orders.saga-events")
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("charge").invoke((o, c) -> {
                    if (o.amount() > 100) {
                        throw new IllegalStateException("card declined");
                    }
                    return o;
                }).retry(RetryPolicy.builder().maxAttempts(1).build())
                .build();
    }

    private Participant orderService(Transport transport) {
        Participant service = opened(Participant.builder("order-service", dir.resolve("orders.db").toString(), transport)
                .on("orders.saga-events", SagaOutcome.COMPLETED, SagaOutcome.class, (event, ctx) ->
                        mark(ctx, event.dataAs(Order.class).id(), "CONFIRMED"))
                .on("orders.saga-events", SagaOutcome.FAILED, SagaOutcome.class, (event, ctx) ->
                        mark(ctx, event.dataAs(Order.class).id(), "REJECTED: " + event.failure()))
                .build());
        service.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id VARCHAR(20) PRIMARY KEY, status VARCHAR(200) NOT NULL, changes INTEGER NOT NULL)");
                s.execute("INSERT INTO orders VALUES ('o-1', 'PENDING', 0), ('o-2', 'PENDING', 0)");
            }
            return null;
        });
        return service.start();
    }

    private static void mark(CommandContext ctx, String orderId, String status) throws SQLException {
        try (PreparedStatement update = ctx.connection().prepareStatement(
                "UPDATE orders SET status = ?, changes = changes + 1 WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, orderId);
            update.executeUpdate();
        }
    }

    private static String statusOf(Participant service, String orderId) {
        return service.inTransaction(c -> {
            try (PreparedStatement read = c.prepareStatement("SELECT status || ' x' || changes FROM orders WHERE id = ?")) {
                read.setString(1, orderId);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    @Test
    void theOrderServiceMarksEachOrderByItsSagasEndOnceEvenWhenTheEventComesTwice() throws Exception {
        Transport transport = opened(JdbcTransport.open(dir.resolve("messages.db").toString()));
        List<Message> seen = new CopyOnWriteArrayList<>();
        opened(transport.subscribe("orders.saga-events", "audit", seen::add));
        Participant service = orderService(transport);
        SqliteSagaStore store = opened(SqliteSagaStore.open(dir.resolve("sagas.db")));
        SagaEngine engine = opened(SagaEngine.builder(store).register(saga()).transport(transport)
                .pollInterval(Duration.ofMillis(20)).build());

        SagaId confirmed = engine.start("order", new Order("o-1", 10), "o-1");
        SagaId rejected = engine.start("order", new Order("o-2", 500), "o-2");
        engine.awaitTermination(confirmed, Duration.ofSeconds(20)).orElseThrow();
        engine.awaitTermination(rejected, Duration.ofSeconds(20)).orElseThrow();

        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(service, "o-1").equals("CONFIRMED x1")
                && statusOf(service, "o-2").startsWith("REJECTED"));
        assertThat(statusOf(service, "o-2")).isEqualTo("REJECTED: step 'charge' failed after 1 attempt: java.lang.IllegalStateException: card declined x1");

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2);
        List<Message> sent = List.copyOf(seen);
        transport.send(List.of(sent.getFirst())); // the broker delivers one again
        await().atMost(Duration.ofSeconds(20)).until(() -> service.duplicates() == 1);
        assertThat(statusOf(service, "o-1")).isEqualTo("CONFIRMED x1");
        assertThat(statusOf(service, "o-2")).endsWith(" x1");
        assertThat(sent).extracting(Message::correlationId).containsExactlyInAnyOrder("o-1", "o-2");
        assertThat(Map.of("o-1", confirmed.value(), "o-2", rejected.value()))
                .containsAllEntriesOf(Map.of(sent.get(0).correlationId(), sent.get(0).sagaId(),
                        sent.get(1).correlationId(), sent.get(1).sagaId()));
    }
}
