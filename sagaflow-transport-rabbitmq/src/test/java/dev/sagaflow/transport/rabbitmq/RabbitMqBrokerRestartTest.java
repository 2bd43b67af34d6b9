package dev.sagaflow.transport.rabbitmq;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.participant.CommandRejectedException;
import dev.sagaflow.participant.Participant;
import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The machine's RabbitMQ server stopped and started while sagas are under way between an engine
 * and a participant (each on its own SQLite database): nothing is lost, nothing is charged twice,
 * and every saga ends consistent.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES) // waits up to 3 minutes for the sagas after the restart
class RabbitMqBrokerRestartTest {
    public record Payment(String id, int amount) {
    }

    @TempDir
    Path dir;
    private RabbitMqTestVhost vhost;

    @BeforeEach
    void createVhost() {
        vhost = RabbitMqTestVhost.create();
    }

    @AfterEach
    void deleteVhost() {
        if (vhost != null) {
            vhost.close();
        }
    }

    @Test
    void sagasUnderWayWhenTheBrokerRestartsAllEndConsistent() throws Exception {
        SagaDefinition<Payment> saga = Saga.define("pay", Payment.class)
                .step("charge")
                .sendCommand("bank.commands", "Charge", p -> p)
                .compensateWithCommand("bank.commands", "Refund", p -> p)
                .timeout(Duration.ofMinutes(2))
                .step("confirm")
                .sendCommand("bank.commands", "Confirm", p -> p)
                .timeout(Duration.ofMinutes(2))
                .build();
        int sagas = 400;
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("engine.db"));
             Transport engineSide = RabbitMqTransport.connect(vhost.uri());
             Transport bankSide = RabbitMqTransport.connect(vhost.uri());
             Participant bank = bank(bankSide).start();
             SagaEngine engine = SagaEngine.builder(store).register(saga).transport(engineSide).build()) {
            List<SagaId> ids = new ArrayList<>();
            Thread submitter = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < sagas; i++) {
                    synchronized (ids) {
                        ids.add(engine.start("pay", new Payment("p-" + i, i % 10 == 0 ? 13 : 50), "p-" + i));
                    }
                    sleep(25);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> bank.handled() >= 100);

            RabbitMqTestVhost.restartServer();
            long handledAtRestart = bank.handled();
            submitter.join();

            await().atMost(Duration.ofMinutes(3)).until(() ->
                    ids.stream().allMatch(id -> engine.get(id).state().isTerminal()));
            assertThat(bank.handled()).as("the bank went on after the restart").isGreaterThan(handledAtRestart);
            Map<String, Integer> charges = count(bank, "charges");
            Map<String, Integer> refunds = count(bank, "refunds");
            for (SagaId id : ids) {
                boolean declined = engine.get(id).data(Payment.class).amount() == 13;
                assertThat(engine.get(id).state()).as(id.value())
                        .isEqualTo(declined ? SagaState.FAILED : SagaState.COMPLETED);
                assertThat(charges.get(id.value())).as("charged once: %s", id).isEqualTo(1);
                assertThat(refunds.getOrDefault(id.value(), 0)).as("refunded iff declined: %s", id)
                        .isEqualTo(declined ? 1 : 0);
            }
        }
    }

    /** A bank whose writes are not idempotent by themselves: only its inbox keeps a redelivery from charging twice. */
    private Participant bank(Transport via) throws Exception {
        Participant bank = Participant.builder("bank", dir.resolve("bank.db").toString(), via)
                .handle("bank.commands", "Charge", Payment.class, (p, ctx) -> {
                    record(ctx.connection(), "charges", ctx.message().sagaId());
                    return Reply.success(null);
                })
                .handle("bank.commands", "Confirm", Payment.class, (p, ctx) -> {
                    if (p.amount() == 13) {
                        throw new CommandRejectedException("declined: " + p.id());
                    }
                    return Reply.success(null);
                })
                .handle("bank.commands", "Refund", Payment.class, (p, ctx) -> {
                    record(ctx.connection(), "refunds", ctx.message().sagaId());
                    return Reply.success(null);
                })
                .build();
        bank.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS charges (saga_id TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS refunds (saga_id TEXT NOT NULL)");
            }
            return null;
        });
        return bank;
    }

    private static void record(java.sql.Connection c, String table, String sagaId) throws java.sql.SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (saga_id) VALUES (?)")) {
            insert.setString(1, sagaId);
            insert.executeUpdate();
        }
    }

    private static Map<String, Integer> count(Participant bank, String table) {
        return bank.inTransaction(c -> {
            Map<String, Integer> counts = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT saga_id, count(*) FROM " + table + " GROUP BY saga_id")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
