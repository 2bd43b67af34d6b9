package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three {@code bin/sagaflow node --schedule every-second} processes on one PostgreSQL database (made
 * and dropped here), one SIGKILLed midway: over 200 ticks, each second's saga is started exactly
 * once, judged by SQL over the instances' keys ({@link TickStarts}), a judge shown to catch a doubled
 * and a missing tick planted in the same data.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES) // 200 ticks are 200 s; the rest is JVM starts and stops
class ScheduleFailoverTest {
    private static final int TICKS = 200;
    private static final Pattern STARTED = Pattern.compile("schedule 'every-second': started 'tick' \\S+ for its tick (\\S+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the nodes' logs
    Path dir;

    private PostgresTestDatabase database;
    private final List<ForkedCli> nodes = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ForkedCli node : nodes) {
            if (node.process().isAlive()) {
                node.kill();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    private void node(String name) throws Exception {
        nodes.add(ForkedCli.start(dir.resolve(name + ".log"), "node", "--store", database.url(),
                "--dir", dir.resolve("ledgers").toString(), "--node-id", name, "--lease", "3s", "--poll", "1s",
                "--schedule", "every-second"));
    }

    private TickStarts check(Connection c) throws SQLException {
        return TickStarts.of(c, DemoSchedule.SAGA, DemoSchedule.NAME);
    }

    /** The ticks each node's log says it started. */
    private static List<Instant> startedBy(ForkedCli node) throws Exception {
        List<Instant> ticks = new ArrayList<>();
        Matcher m = STARTED.matcher(node.log());
        while (m.find()) {
            ticks.add(Instant.parse(m.group(1)));
        }
        return ticks;
    }

    @Test
    void threeNodesStartEachTickOnceOver200TicksWithOneKilledMidway() throws Exception {
        node("node-1");
        node("node-2");
        node("node-3");
        try (Connection c = DriverManager.getConnection(database.url());
             PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> check(c).starts() > 0);
            await().atMost(Duration.ofSeconds(TICKS / 2 + 60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> check(c).span() >= TICKS / 2);
            TickStarts atKill = check(c);
            List<Instant> startedByTheKilledNode = startedBy(nodes.getFirst());
            nodes.getFirst().kill();
            Instant killedAt = Instant.now();

            await().atMost(Duration.ofSeconds(TICKS / 2 + 60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> check(c).span() >= TICKS);
            // Every tick's saga ends, those the killed node held included (its leases run out).
            await().atMost(Duration.ofSeconds(60)).until(() -> store.countByState(DemoSchedule.SAGA).entrySet().stream()
                    .allMatch(e -> e.getKey() == SagaState.COMPLETED));
            for (ForkedCli survivor : nodes.subList(1, 3)) {
                assertThat(survivor.stop(20)).as("stops on SIGTERM").isEqualTo(143);
            }

            TickStarts result = check(c);
            Map<String, Integer> perNode = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                perNode.put("node-" + (i + 1), startedBy(nodes.get(i)).size());
            }
            System.out.printf("schedule failover: %d starts for the %d ticks %s..%s, %d doubled, %d missing; node-1 SIGKILLed at "
                            + "%s, after %d ticks (it had started %d of them); starts per node (from their logs) %s%n",
                    result.starts(), result.span(), result.first(), result.last(), result.doubled(), result.missing(),
                    killedAt, atKill.span(), startedByTheKilledNode.size(), perNode);

            assertThat(result.span()).isGreaterThanOrEqualTo(TICKS);
            assertThat(result.exactlyOnePerTick()).as("%s", result).isTrue();
            assertThat(result.last()).as("ticks went on after the kill").isAfter(killedAt.plusSeconds(TICKS / 2 - 10));
            assertThat(perNode.values()).as("each node started ticks: they share the schedule").allMatch(n -> n > 0);
            assertThat(startedBy(nodes.get(1)).stream().filter(t -> t.isAfter(killedAt)).count()
                    + startedBy(nodes.get(2)).stream().filter(t -> t.isAfter(killedAt)).count())
                    .as("the survivors started every tick after the kill")
                    .isEqualTo(result.last().getEpochSecond() - killedAt.getEpochSecond());
            // A node killed between its commit and its log line leaves one start unlogged, no more.
            assertThat(result.starts() - perNode.values().stream().mapToInt(Integer::intValue).sum())
                    .as("the logs account for every start").isBetween(0L, 1L);

            theCheckFailsOnPlantedFaults(c, result);
        }
    }

    /** The judge above is no rubber stamp: a tick started twice, or not at all, in the same data, fails it. */
    private void theCheckFailsOnPlantedFaults(Connection c, TickStarts clean) throws SQLException {
        String middle = "schedule:" + DemoSchedule.NAME + ":" + clean.first().plusSeconds(clean.span() / 2);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // A second instance of one tick (its key written with milliseconds: the unique key does not stop it).
            s.execute("CREATE TEMP TABLE planted ON COMMIT DROP AS SELECT * FROM saga_instance WHERE idempotency_key = '" + middle + "'");
            s.execute("UPDATE planted SET id = 'planted-duplicate', idempotency_key = replace(idempotency_key, 'Z', '.000Z')");
            assertThat(s.executeUpdate("INSERT INTO saga_instance SELECT * FROM planted")).isEqualTo(1);
            TickStarts doubled = check(c);
            assertThat(doubled.doubled()).isEqualTo(1);
            assertThat(doubled.exactlyOnePerTick()).isFalse();
            c.rollback();

            try (PreparedStatement delete = c.prepareStatement("DELETE FROM saga_instance WHERE idempotency_key = ?")) {
                delete.setString(1, middle);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            TickStarts gap = check(c);
            assertThat(gap.missing()).isEqualTo(1);
            assertThat(gap.exactlyOnePerTick()).isFalse();
            c.rollback();
            assertThat(check(c)).isEqualTo(clean);
            System.out.printf("planted faults: a doubled tick read as %s; a missing tick read as %s%n", doubled, gap);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
