package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.OrderFulfilmentSaga;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
class MultiNodeFailoverTest {
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

    private ForkedCli node(String name, String lease, int stepDelayMs) throws Exception {
        ForkedCli node = ForkedCli.start(dir.resolve(name + ".log"), "node", "--store", database.url(),
                "--dir", dir.resolve("ledgers").toString(), "--node-id", name, "--lease", lease,
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
                "--orders", Integer.toString(orders), "--failure-rate", "0.1", "--submit-only")).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String verify(int orders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = cli(out, "demo", "--store", database.url(), "--dir", dir.resolve("ledgers").toString(),
                "--orders", Integer.toString(orders), "--failure-rate", "0.1", "--verify", "--timeout", "3m");
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(String.join("\n", lines)).isZero();
        return lines.getLast();
    }

    private long ended(PostgresSagaStore store) {
        return store.countByState(OrderFulfilmentSaga.NAME).entrySet().stream()
                .filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void aNodeKilledMidRunHasItsInstancesFinishedByTheOthers() throws Exception {
        int orders = 3_000;
        node("node-1", "3s", 300);
        node("node-2", "3s", 300);
        node("node-3", "3s", 300);
        assertThat(submit(orders)).isEqualTo("{\"orders\":3000,\"submitted\":3000}");

        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ended(store) >= orders / 5);
            nodes.getFirst().kill();
            long killedAt = System.nanoTime();
            Map<String, Long> orphaned = Histories.all(store).stream()
                    .filter(r -> r.owner() != null && r.owner().startsWith("node-1#") && !r.state().isTerminal())
                    .collect(Collectors.toMap(SagaRecord::id, SagaRecord::version));
            assertThat(orphaned).as("the killed node held instances under way").isNotEmpty();

            // Failover: from the kill to the first of its instances moving on another node.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                    orphaned.keySet().stream().anyMatch(id -> store.find(id).orElseThrow().version() >= orphaned.get(id) + 2));
            long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.printf("failover: %d instances of the killed node; the first moved on another node %d ms after the kill%n",
                    orphaned.size(), failoverMillis);
            assertThat(failoverMillis).as("failover within SPEC's 10 s").isLessThan(10_000);

            int dropped = database.terminateConnections();
            System.out.println("pg_terminate_backend ended " + dropped + " connections mid-run");

            String report = verify(orders);
            assertThat(report).contains("\"orders\":3000").contains("\"pending\":0").contains("\"inconsistent\":0");

            List<SagaRecord> all = Histories.all(store);
            assertThat(all).hasSize(orders);
            assertThat(all).filteredOn(r -> orphaned.containsKey(r.id())).allMatch(r -> r.state().isTerminal());
            Histories.assertNoTransitionAppliedTwice(store, all);

            for (ForkedCli survivor : nodes.subList(1, 3)) {
                assertThat(survivor.stop(20)).as("stops on SIGTERM").isEqualTo(143);
                assertThat(survivor.log()).contains("handing instances back");
            }
            assertThat(Histories.all(store)).allMatch(r -> r.owner() == null);
        }
    }

    @Test
    void aNodePausedPastItsLeaseCannotCommitOverTheNodeThatTookOver() throws Exception {
        int orders = 600;
        ForkedCli paused = node("node-a", "2s", 400);
        node("node-b", "2s", 400);
        submit(orders);

        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> ended(store) >= 30);
            paused.pause(); // SIGSTOP: it keeps its connections and its in-flight calls, and renews nothing
            List<String> held = Histories.all(store).stream()
                    .filter(r -> r.owner() != null && r.owner().startsWith("node-a#") && !r.state().isTerminal()).map(SagaRecord::id).toList();
            assertThat(held).isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    held.stream().allMatch(id -> !String.valueOf(store.find(id).orElseThrow().owner()).startsWith("node-a#")));
            paused.resume(); // SIGCONT: its step calls return, and their writes must be refused

            String report = verify(orders);
            assertThat(report).contains("\"pending\":0").contains("\"inconsistent\":0");
            Histories.assertNoTransitionAppliedTwice(store, Histories.all(store));
            await().atMost(Duration.ofSeconds(10)).until(() -> paused.log().contains("refused"));
            assertThat(paused.log()).contains("refused, the stored row moved on");
            assertThat(store.countByState(OrderFulfilmentSaga.NAME).keySet()).allMatch(SagaState::isTerminal);
        }
    }
}
