package dev.sagaflow.cli;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.OrderFulfilmentSaga;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several {@code bin/sagaflow node} processes on one PostgreSQL database, the orders submitted
 * and verified by {@code bin/sagaflow demo}, as a user runs them; nodes are killed, paused and cut
 * off from the database mid-run.
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES) // each test: a run, then --verify of up to 3 minutes
class MultiNodeFailoverTest {
    private static final double FAILURE_RATE = 0.1;
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofSeconds(1);
    /**
     * SPEC's promise: a dead node's instances resume elsewhere within 10 s. With a 3 s lease that is
     * the lease, the poll that notices it ran out, the claim rounds for everything the dead node held
     * and the step itself; 2.4-5.5 s on a quiet 2-core machine, 8 s seen on a loaded one.
     */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(10);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the processes' logs
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

    private ForkedCli node(String name, Duration lease, int stepDelayMs) throws Exception {
        ForkedCli node = ForkedCli.start(dir.resolve(name + ".log"), "node", "--store", database.url(),
                "--dir", dir.resolve("ledgers").toString(), "--node-id", name, "--lease", lease.toMillis() + "ms",
                "--poll", POLL.toMillis() + "ms",
                "--step-delay-ms", Integer.toString(stepDelayMs));
        nodes.add(node);
        return node;
    }

    private int cli(ByteArrayOutputStream out, String... args) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return SagaflowCli.run(args);
        } finally {
            System.setOut(original);
        }
    }

    private String submit(int orders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(cli(out, "demo", "--store", database.url(), "--dir", dir.resolve("ledgers").toString(),
                "--orders", Integer.toString(orders), "--failure-rate", Double.toString(FAILURE_RATE), "--submit-only")).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String verify(int orders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = cli(out, "demo", "--store", database.url(), "--dir", dir.resolve("ledgers").toString(),
                "--orders", Integer.toString(orders), "--failure-rate", Double.toString(FAILURE_RATE), "--verify", "--timeout", "3m");
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(String.join("\n", lines)).isZero();
        return lines.getLast();
    }

    /** Owned by the node started with this id (the owner may carry more, to tell a process incarnation apart). */
    private static boolean ownedBy(SagaRecord row, String nodeId) {
        return row.owner() != null && row.owner().startsWith(nodeId + "#"); // the lease owner is node-id#token
    }

    private long ended(PostgresSagaStore store) {
        return store.countByState(OrderFulfilmentSaga.NAME).entrySet().stream()
                .filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void aNodeKilledMidRunHasItsInstancesFinishedByTheOthers() throws Exception {
        int orders = 3_000;
        node("node-1", LEASE, 300);
        node("node-2", LEASE, 300);
        node("node-3", LEASE, 300);
        assertThat(submit(orders)).isEqualTo("{\"orders\":3000,\"submitted\":3000}");

        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ended(store) >= orders / 5);
            long endedAtKill = ended(store);
            nodes.getFirst().kill();
            long killedAt = System.currentTimeMillis();
            assertThat(endedAtKill).as("the kill came after progress and before the end").isBetween(orders / 5L, orders - 1L);
            Map<String, SagaRecord> orphaned = Histories.all(store).stream()
                    .filter(r -> ownedBy(r, "node-1") && !r.state().isTerminal())
                    .collect(Collectors.toMap(SagaRecord::id, r -> r));
            assertThat(orphaned).as("the killed node held instances under way").isNotEmpty();
            assertThat(orphaned.values()).as("a lease runs at most one lease duration past the kill")
                    .allSatisfy(r -> assertThat(r.leaseUntil()).isLessThanOrEqualTo(killedAt + LEASE.toMillis()));

            // Every one of them moves on: its history grows past what the killed node wrote.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    orphaned.values().stream().allMatch(r -> store.find(r.id()).orElseThrow().historySize() > r.historySize()));
            List<Long> resumedAfterLease = new ArrayList<>();
            for (SagaRecord atKill : orphaned.values()) {
                HistoryEvent next = store.history(atKill.id()).get(atKill.historySize());
                long resumed = next.at().toEpochMilli();
                assertThat(resumed).as("%s was not run elsewhere while the dead node's lease held it", atKill.id())
                        .isGreaterThanOrEqualTo(atKill.leaseUntil());
                // Stored times, not the test's clock.
                assertThat(resumed - killedAt).as("%s resumed on another node within %s of the kill", atKill.id(), RESUMED_WITHIN)
                        .isLessThanOrEqualTo(RESUMED_WITHIN.toMillis());
                resumedAfterLease.add(resumed - atKill.leaseUntil());
            }
            long first = orphaned.values().stream().mapToLong(r -> store.history(r.id()).get(r.historySize()).at().toEpochMilli())
                    .min().orElseThrow();
            System.out.printf("failover: %d instances of the killed node; the first moved on another node %d ms after the kill; "
                    + "after its lease ran out each waited %d ms at most, %d ms at the median%n", orphaned.size(),
                    first - killedAt, resumedAfterLease.stream().mapToLong(Long::longValue).max().orElseThrow(),
                    resumedAfterLease.stream().sorted().toList().get(resumedAfterLease.size() / 2));

            int dropped = database.terminateConnections();
            System.out.println("pg_terminate_backend ended " + dropped + " connections mid-run");

            String report = verify(orders);
            assertThat(report).contains("\"orders\":3000").contains("\"pending\":0").contains("\"inconsistent\":0");

            List<SagaRecord> all = Histories.all(store);
            assertThat(all).hasSize(orders);
            assertThat(all).filteredOn(r -> orphaned.containsKey(r.id())).hasSize(orphaned.size())
                    .allMatch(r -> r.state().isTerminal());
            Histories.assertNoTransitionAppliedTwice(store, all);
            OrderLedgers.assertEveryOrderAsIntended(dir.resolve("ledgers"), all, SagaRecord::idempotencyKey, orders, FAILURE_RATE);

            for (ForkedCli survivor : nodes.subList(1, 3)) {
                assertThat(survivor.stop(20)).as("stops on SIGTERM").isEqualTo(143);
                assertThat(survivor.log()).contains("handing instances back").contains(": store reachable, leases held ");
            }
            assertThat(Histories.all(store)).isNotEmpty().allMatch(r -> r.owner() == null);
        }
    }

    @Test
    void aNodePausedPastItsLeaseCannotCommitOverTheNodeThatTookOver() throws Exception {
        int orders = 600;
        ForkedCli paused = node("node-a", Duration.ofSeconds(2), 400);
        node("node-b", Duration.ofSeconds(2), 400);
        submit(orders);

        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ended(store) >= 30);
            paused.pause();
            assertThat(ended(store)).as("paused mid-run").isLessThan(orders); // SIGSTOP: it keeps its connections and its in-flight calls, and renews nothing
            List<String> held = Histories.all(store).stream()
                    .filter(r -> ownedBy(r, "node-a") && !r.state().isTerminal()).map(SagaRecord::id).toList();
            assertThat(held).isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    held.stream().allMatch(id -> !ownedBy(store.find(id).orElseThrow(), "node-a")));
            paused.resume(); // SIGCONT: its step calls return, and their writes must be refused

            String report = verify(orders);
            assertThat(report).contains("\"pending\":0").contains("\"inconsistent\":0");
            Histories.assertNoTransitionAppliedTwice(store, Histories.all(store));
            OrderLedgers.assertEveryOrderAsIntended(dir.resolve("ledgers"), Histories.all(store), SagaRecord::idempotencyKey,
                    orders, FAILURE_RATE);
            await().atMost(Duration.ofSeconds(10)).until(() -> paused.log().contains("refused"));
            assertThat(paused.log()).contains("refused, the stored row moved on");
            assertThat(store.countByState(OrderFulfilmentSaga.NAME).keySet()).isNotEmpty().allMatch(SagaState::isTerminal);
        }
    }
}
