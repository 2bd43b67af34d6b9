package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.transport.kafka.testing.EmbeddedKafka;
import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * with SIGKILL mid-run and started again. Every order must end consistent across the ledgers.
 */
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
        java.util.Map<String, ForkedCli> services = new java.util.HashMap<>();
        for (String s : List.of("inventory", "payments", "shipping", "notifications")) {
            services.put(s, participant(s, mode, 1));
        }
        ForkedCli demo = start("demo", "demo", "--dir", data().toString(), "--orders", "400", "--failure-rate", "0.2",
                "--participants", "remote", "--mode", mode, "--external-participants", "--transport", "jdbc",
                "--timeout", "5m");
        await().atMost(Duration.ofSeconds(120)).until(() -> rows(service, table) >= 60);
        services.get(service).kill(); // SIGKILL, mid-transaction as likely as not
        long atKill = rows(service, table);
        Thread.sleep(2_000); // messages pile up for it meanwhile
        participant(service, mode, 2);

        String report = report(demo);
        assertThat(report).contains("\"orders\":400").contains("\"pending\":0").contains("\"inconsistent\":0");
        assertThat(rows(service, table)).as("the restarted %s went on", service).isGreaterThan(atKill);
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
