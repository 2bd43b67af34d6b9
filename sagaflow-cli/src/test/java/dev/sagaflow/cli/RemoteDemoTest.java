package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.examples.orders.remote.OrderChoreography;
import dev.sagaflow.examples.orders.remote.RemoteOrderFulfilmentSaga;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.transport.kafka.testing.EmbeddedKafka;
import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/sagaflow demo --participants remote} as a user runs it: the four services as JVMs of
 * their own, speaking only through the transport, orchestrated or choreographed; a service killed
 * with SIGKILL mid-run and started again; the orchestrating process killed while commands wait in its
 * outbox, and run again. Every order must end consistent across the ledgers, as the demo reports and
 * as {@link OrderLedgers} finds in plain SQL against the store and the order book.
 */
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES) // each test: demos waited for up to 6 minutes
class RemoteDemoTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the processes' logs
    Path dir;

    private final List<ForkedCli> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (ForkedCli p : processes) {
            if (p.process().isAlive()) {
                p.kill();
            }
        }
    }

    private ForkedCli start(String name, String... args) throws Exception {
        ForkedCli p = ForkedCli.start(dir.resolve(name + ".out"), args);
        processes.add(p);
        return p;
    }

    private ForkedCli participant(String service, String mode, int attempt) throws Exception {
        ForkedCli p = start(service + "-" + attempt, "participant", "--service", service, "--dir", data().toString(),
                "--mode", mode, "--step-delay-ms", "5", "--transport", "jdbc");
        await().atMost(Duration.ofSeconds(60)).until(() -> p.log().contains(" ready") || !p.process().isAlive());
        assertThat(p.process().isAlive()).as(p.log()).isTrue();
        return p;
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** Waits for the demo to end; returns its JSON report after checking the exit status. */
    private static String report(ForkedCli demo) throws Exception {
        assertThat(demo.process().waitFor(6, TimeUnit.MINUTES)).as("the demo ends").isTrue();
        String log = demo.log();
        String report = log.lines().filter(l -> l.startsWith("{\"orders\"")).reduce((a, b) -> b).orElse("");
        assertThat(demo.process().exitValue()).as(log).isZero();
        return report;
    }

    private long rows(String service, String table) {
        Path file = data().resolve(service + ".db");
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException notYet) {
            return 0;
        }
    }

    private void killAndRestartMidRun(String service, String table, String mode) throws Exception {
        int orders = 400;
        double failureRate = 0.2;
        java.util.Map<String, ForkedCli> services = new java.util.HashMap<>();
        for (String s : List.of("inventory", "payments", "shipping", "notifications")) {
            services.put(s, participant(s, mode, 1));
        }
        ForkedCli demo = start("demo", "demo", "--dir", data().toString(), "--orders", Integer.toString(orders),
                "--failure-rate", Double.toString(failureRate), "--participants", "remote", "--mode", mode,
                "--external-participants", "--transport", "jdbc", "--timeout", "5m");
        await().atMost(Duration.ofSeconds(120)).until(() -> rows(service, table) >= 60);
        services.get(service).kill(); // SIGKILL, mid-transaction as likely as not
        long atKill = rows(service, table);
        assertThat(atKill).as("the %s service had made progress", service).isGreaterThanOrEqualTo(60);
        // Its restart must find work queued for it: messages wait in the transport for its group.
        await().atMost(Duration.ofSeconds(60)).until(() -> waitingFor(service) > 0);
        participant(service, mode, 2);

        String report = report(demo);
        assertThat(report).contains("\"orders\":" + orders).contains("\"pending\":0").contains("\"inconsistent\":0");
        assertThat(rows(service, table)).as("the restarted %s went on", service).isGreaterThan(atKill);
        checkEveryOrder(data(), mode, orders, failureRate);
    }

    private static final String ENDED = "SELECT count(*) FROM saga_instance WHERE state IN ('COMPLETED', 'FAILED', 'CANCELLED')";

    /** Messages of the JDBC transport (DIR/messages.db) not yet handled by a group. */
    private long waitingFor(String group) {
        return SqliteCounts.count(data().resolve("messages.db"),
                "SELECT count(*) FROM transport_message WHERE group_name = '" + group + "'");
    }

    /** Every order, in plain SQL on the ledgers, against the demo's store and the order book. */
    private static void checkEveryOrder(Path dir, String mode, int orders, double failureRate) {
        boolean orchestrated = mode.equals("orchestration");
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("sagas.db"))) {
            List<SagaRecord> instances = OrderLedgers.instances(store,
                    orchestrated ? RemoteOrderFulfilmentSaga.NAME : OrderChoreography.NAME);
            OrderLedgers.assertEveryOrderAsIntended(dir, instances,
                    orchestrated ? SagaRecord::idempotencyKey : SagaRecord::correlationId, orders, failureRate);
        }
    }

    @Test
    void theOrchestratorKilledWhileCommandsSitInItsOutboxFinishesEveryOrderWhenRunAgain() throws Exception {
        int orders = 400;
        double failureRate = 0.2;
        for (String s : List.of("inventory", "payments", "shipping", "notifications")) {
            participant(s, "orchestration", 1);
        }
        String[] args = {"demo", "--dir", data().toString(), "--orders", Integer.toString(orders), "--failure-rate",
                Double.toString(failureRate), "--participants", "remote", "--mode", "orchestration",
                "--external-participants", "--transport", "jdbc", "--timeout", "5m"};
        ForkedCli demo = start("demo-1", args);
        Path sagas = data().resolve("sagas.db");
        // Stopped (SIGSTOP) while it is looked at, so nothing moves between the look and the kill: the
        // kill comes at a moment when some orders have ended and commands wait in the outbox.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(5)).until(() -> {
            assertThat(demo.process().isAlive()).as("the demo is still running").isTrue();
            demo.pause();
            try {
                long ended = SqliteCounts.count(sagas, ENDED, 100);
                if (ended > 0 && ended < orders && SqliteCounts.count(sagas, "SELECT count(*) FROM saga_outbox", 100) > 0) {
                    return true;
                }
            } catch (IllegalStateException stoppedHoldingALock) {
                // stopped mid-commit: look again at another moment
            }
            demo.resume();
            return false;
        });
        demo.kill(); // SIGKILL reaches a stopped process
        long outbox = SqliteCounts.outbox(sagas);
        long ended = SqliteCounts.ended(sagas);
        System.out.printf("orchestrator killed with %d commands in its outbox and %d of %d orders ended%n", outbox, ended, orders);
        assertThat(outbox).as("commands in the outbox at the kill").isPositive();
        assertThat(ended).as("the kill landed mid-run").isBetween(1L, orders - 1L);

        String report = report(start("demo-2", args));
        assertThat(report).isEqualTo(expected(orders, failureRate));
        assertThat(SqliteCounts.outbox(sagas)).as("every command left the outbox").isZero();
        checkEveryOrder(data(), "orchestration", orders, failureRate);
    }

    @Test
    void anOrchestratedRunSurvivesAParticipantKilledAndRestarted() throws Exception {
        killAndRestartMidRun("payments", "charge", "orchestration");
    }

    @Test
    void aChoreographedRunSurvivesAParticipantKilledAndRestarted() throws Exception {
        killAndRestartMidRun("inventory", "reservation", "choreography");
    }

    @Test
    void overKafkaBothModesEndConsistent() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            bothModesEndConsistent("kafka", kafka.bootstrapServers());
        }
    }

    @Test
    void overRabbitMqBothModesEndConsistent() throws Exception {
        try (RabbitMqTestVhost vhost = RabbitMqTestVhost.create()) {
            bothModesEndConsistent("rabbitmq", vhost.uri());
        }
    }

    private void bothModesEndConsistent(String transport, String broker) throws Exception {
        for (String mode : List.of("orchestration", "choreography")) {
            ForkedCli demo = start("demo-" + transport + "-" + mode, "demo", "--dir", dir.resolve(mode).toString(),
                    "--orders", "200", "--participants", "remote", "--mode", mode,
                    "--transport", transport, "--broker", broker, "--timeout", "5m");
            assertThat(report(demo)).as(mode).isEqualTo(EXPECTED_200);
            checkEveryOrder(dir.resolve(mode), mode, 200, 0.1);
        }
    }

    /** The demo's orders are the same on every run, and end the same whatever carries them. */
    private static final String EXPECTED_200 = expected(200, 0.1);

    private static String expected(int orders, double failureRate) {
        OrderBook book = new OrderBook(failureRate);
        long completes = IntStream.rangeClosed(1, orders).filter(n -> book.fate(n) == OrderBook.Fate.COMPLETES).count();
        return "{\"orders\":" + orders + ",\"completed\":" + completes + ",\"compensated\":" + (orders - completes)
                + ",\"pending\":0,\"inconsistent\":0}";
    }
}
