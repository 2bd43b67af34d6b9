package dev.sagaflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.examples.orders.StalledRefunds;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator's session with {@code sagaflow saga}, as the README shows it, on a run whose payment
 * gateway keeps refusing some refunds ({@code demo --stall-compensations}): on the SQLite file a
 * running demo (a forked JVM) holds, and on PostgreSQL while three {@code node} processes run. The
 * stalled sagas are listed, one is looked at, one skipped, one resolved, the rest retried in bulk
 * after the fix; each action is in its saga's history with who and why; every other saga is left
 * exactly as it was; bad input gets one clear line and an exit status, and changes nothing.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SagaCommandTest {
    private static final int ORDERS = 100;
    private static final double FAILURE_RATE = 0.2;
    private static final int STALLED = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<ForkedCli> processes = new ArrayList<>();
    private PostgresTestDatabase database;

    @AfterEach
    void stop() throws Exception {
        for (ForkedCli process : processes) {
            if (process.process().isAlive()) {
                process.kill();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anOperatorWorksTheStalledSagasOfARunningDemosSqliteFile() throws Exception {
        Path data = dir.resolve("data");
        ForkedCli demo = ForkedCli.start(dir.resolve("demo.log"), "demo", "--dir", data.toString(), "--orders",
                String.valueOf(ORDERS), "--failure-rate", String.valueOf(FAILURE_RATE), "--stall-compensations",
                String.valueOf(STALLED), "--timeout", "3m");
        processes.add(demo);
        String store = data.resolve("sagas.db").toString();

        operate(store, data, demo);

        assertThat(demo.process().waitFor(60, TimeUnit.SECONDS)).as(demo.log()).isTrue();
        assertThat(demo.process().exitValue()).as(demo.log()).isZero();
        assertThat(demo.log()).contains("\"pending\":0,\"inconsistent\":0,\"byOperator\":2}");
    }

    @Test
    void anOperatorWorksTheStalledSagasOnPostgresWhileThreeNodesRun() throws Exception {
        database = PostgresTestDatabase.create();
        Path ledgers = dir.resolve("ledgers");
        for (int n = 1; n <= 3; n++) {
            processes.add(ForkedCli.start(dir.resolve("node-" + n + ".log"), "node", "--store", database.url(), "--dir",
                    ledgers.toString(), "--node-id", "node-" + n, "--lease", "3s", "--poll", "500ms", "--operator-paced"));
        }
        CliRun submit = CliRun.of("demo", "--store", database.url(), "--dir", ledgers.toString(), "--orders",
                String.valueOf(ORDERS), "--failure-rate", String.valueOf(FAILURE_RATE), "--stall-compensations",
                String.valueOf(STALLED), "--submit-only");
        assertThat(submit.status()).as(submit.all()).isZero();

        operate(database.url(), ledgers, null);

        CliRun verify = CliRun.of("demo", "--store", database.url(), "--dir", ledgers.toString(), "--orders",
                String.valueOf(ORDERS), "--failure-rate", String.valueOf(FAILURE_RATE), "--verify", "--timeout", "1m");
        assertThat(verify.status()).as(verify.all()).isZero();
        assertThat(verify.out()).as(verify.all()).contains("\"pending\":0,\"inconsistent\":0,\"byOperator\":2}");
        for (ForkedCli node : processes) {
            assertThat(node.process().isAlive()).as("node still runs: " + node.log()).isTrue();
        }
    }

    /** The session; {@code demo} is the process holding the store (null: nodes on PostgreSQL). */
    private void operate(String store, Path ledgers, ForkedCli demo) throws Exception {
        Set<String> stalledOrders = Set.copyOf(expectedStalls());
        // The stalled sagas show up in the queue; every other order ends on its own.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(demo == null || demo.process().isAlive()).as(demo == null ? "" : demo.log()).isTrue();
            return Files.exists(Path.of(store)) || SagaStores.isPostgres(store) ? endedOrStalled(store) == ORDERS : false;
        });
        CliRun listed = cli("saga", "list", "--store", store, "--flagged", "--output", "json");
        JsonNode flagged = JSON.readTree(listed.out()).get("sagas");
        assertThat(flagged).hasSize(STALLED);
        List<String> ids = new ArrayList<>();
        for (JsonNode saga : flagged) {
            assertThat(saga.get("state").asText()).isEqualTo("COMPENSATION_STALLED");
            assertThat(saga.get("flag").asText()).isEqualTo("COMPENSATION_STALLED");
            assertThat(stalledOrders).contains(saga.get("idempotencyKey").asText());
            ids.add(saga.get("id").asText());
        }
        CliRun table = cli("saga", "list", "--store", store, "--state", "compensation_stalled", "--name", "order-fulfilment");
        assertThat(table.out()).contains("ID", "STATE", "COMPENSATION_STALLED").contains(STALLED + " sagas");
        CliRun count = cli("saga", "count", "--store", store, "--output", "json");
        assertThat(JSON.readTree(count.out()).at("/counts/order-fulfilment/COMPENSATION_STALLED").asLong()).isEqualTo(STALLED);
        assertThat(JSON.readTree(count.out()).get("total").asLong()).isEqualTo(ORDERS);

        String skipped = ids.get(0);
        String resolved = ids.get(1);
        List<String> retried = ids.subList(2, ids.size());
        CliRun show = cli("saga", "show", "--store", store, skipped);
        assertThat(show.out()).contains("COMPENSATION_STALLED").contains("compensating 'charge-payment'")
                .contains("refunds-fixed").contains("to undo    charge-payment, reserve-inventory");
        assertThat(show.out()).as("the last failure's kept stack trace, its first lines")
                .contains("thrown at  dev.sagaflow.examples.orders.ParticipantUnavailableException")
                .contains("at dev.sagaflow.examples.orders.PaymentService.refund(");
        CliRun history = cli("saga", "history", "--store", store, skipped, "--output", "json");
        assertThat(JSON.readTree(history.out()).get("events").findValuesAsText("type")).contains("COMPENSATION_STALLED");
        assertThat(JSON.readTree(history.out()).get("events").findValuesAsText("stackTrace"))
                .anySatisfy(trace -> assertThat(trace).startsWith("dev.sagaflow.examples.orders.ParticipantUnavailableException"));
        CliRun traces = cli("saga", "history", "--store", store, skipped, "--stack-traces");
        assertThat(traces.out()).contains("COMPENSATION_FAILED charge-payment attempt 1:")
                .contains("\tat dev.sagaflow.examples.orders.PaymentService.refund(");

        Map<String, SagaRecord> before = snapshot(store);

        // Bad input: a line each, an exit status, nothing changed.
        assertRefused(1, "No saga instance with id 'no-such-saga'", "saga", "retry", "--store", store, "no-such-saga");
        assertRefused(1, "No saga instance with id 'no-such-saga'", "saga", "show", "--store", store, "no-such-saga");
        assertRefused(2, "unknown state 'STUCK'; the states are STARTED, RUNNING", "saga", "list", "--store", store,
                "--state", "STUCK");
        assertRefused(2, "unknown state 'STUCK'", "saga", "retry", "--store", store, "--state", "STUCK", "--yes");
        Path notOurs = dir.resolve("other.db");
        Files.write(notOurs, "not a database at all, just some text".getBytes());
        byte[] notOursBefore = Files.readAllBytes(notOurs);
        assertRefused(1, "other.db", "saga", "list", "--store", notOurs.toString());
        assertThat(Files.readAllBytes(notOurs)).as("a refused store is left byte for byte").isEqualTo(notOursBefore);
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertRefused(2, "is not a Sagaflow store", "saga", "list", "--store", empty.toString());
        assertThat(empty).as("an operator's command never makes a store").isEmptyFile();
        try (PostgresTestDatabase noTables = PostgresTestDatabase.create()) {
            assertRefused(2, "is not a Sagaflow store", "saga", "count", "--store", noTables.url());
            assertRefused(2, "is not a Sagaflow store", "saga", "count", "--store", noTables.url()); // still none made
        }
        assertRefused(2, "does not exist", "saga", "count", "--store", dir.resolve("missing.db").toString());
        assertThat(dir.resolve("missing.db")).doesNotExist();
        assertRefused(2, "postgres://", "saga", "list", "--store", "postgres://localhost/sagas");
        assertRefused(2, "give the saga's ID, or filters", "saga", "cancel", "--store", store);
        CliRun dryRun = cli("saga", "retry", "--store", store, "--flagged");
        assertThat(dryRun.out()).contains(STALLED + " saga(s) to retry").contains("nothing changed: run again with --yes");
        CliRun dryResolve = cli("saga", "resolve", "--store", store, "--name", "order-fulfilment", "--output", "json");
        assertThat(JSON.readTree(dryResolve.out()).get("dryRun").asBoolean()).isTrue();
        CliRun notCompensating = CliRun.of("saga", "skip", "--store", store, before.values().stream()
                .filter(r -> r.state() == SagaState.COMPLETED).findFirst().orElseThrow().id());
        assertThat(notCompensating.status()).as(notCompensating.all()).isEqualTo(1);
        assertThat(notCompensating.err()).contains("has ended (COMPLETED); nothing to skip");
        assertThat(snapshot(store)).as("bad input and dry runs changed nothing").isEqualTo(before);

        // Skip one, resolve one, fix the gateway and retry the rest in bulk.
        CliRun skip = cli("saga", "skip", "--store", store, skipped, "--operator", "alice", "--reason",
                "refunded by hand, ticket 4711");
        assertThat(skip.out()).startsWith("skip applied: saga " + skipped);
        CliRun resolve = cli("saga", "resolve", "--store", store, resolved, "--operator", "alice", "--reason",
                "customer kept the goods", "--output", "json");
        assertThat(JSON.readTree(resolve.out()).at("/sagas/0/result").asText()).isEqualTo("applied");
        Files.createFile(ledgers.resolve(StalledRefunds.FIX_FILE));
        CliRun retry = cli("saga", "retry", "--store", store, "--flagged", "--state", "COMPENSATION_STALLED", "--yes",
                "--reason", "gateway fixed");
        assertThat(retry.out()).contains("retry: " + retried.size() + " applied, 0 refused, 0 not applied yet");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids.stream().allMatch(id -> record(store, id).state().isTerminal()));
        String osUser = System.getProperty("user.name");
        try (SagaStore sagas = SagaStores.open(store)) {
            assertThat(only(sagas, skipped, HistoryEventType.COMPENSATION_SKIPPED).detail())
                    .contains("requested by alice: refunded by hand, ticket 4711");
            assertThat(sagas.find(skipped).orElseThrow().state()).isEqualTo(SagaState.FAILED);
            assertThat(types(sagas, skipped)).containsSubsequence(HistoryEventType.COMPENSATION_SKIPPED,
                    HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
            assertThat(only(sagas, resolved, HistoryEventType.SAGA_RESOLVED).detail())
                    .contains("resolved by hand as FAILED").contains("requested by alice: customer kept the goods");
            assertThat(types(sagas, resolved).getLast()).isEqualTo(HistoryEventType.SAGA_RESOLVED);
            for (String id : retried) {
                assertThat(only(sagas, id, HistoryEventType.OPERATOR_RETRY).detail())
                        .startsWith("requested by " + osUser + ": gateway fixed");
                assertThat(sagas.find(id).orElseThrow().state()).isEqualTo(SagaState.FAILED);
                assertThat(sagas.find(id).orElseThrow().flag()).isNull();
            }
            assertThat(CliRun.of("saga", "list", "--store", store, "--flagged").out()).contains("0 sagas");
        }
        Map<String, SagaRecord> after = snapshot(store);
        ids.forEach(before::remove);
        ids.forEach(after::remove);
        assertThat(after).as("no other saga was touched").isEqualTo(before);
    }

    private static List<String> expectedStalls() {
        OrderBook book = new OrderBook(FAILURE_RATE);
        return IntStream.rangeClosed(1, ORDERS).filter(n -> book.fate(n) == OrderBook.Fate.CARRIER_DOWN)
                .limit(STALLED).mapToObj(OrderBook::id).toList();
    }

    private static long endedOrStalled(String store) {
        try (SagaStore sagas = SagaStores.open(store)) {
            return sagas.countByState(null).entrySet().stream()
                    .filter(e -> e.getKey().isTerminal() || e.getKey() == SagaState.COMPENSATION_STALLED)
                    .mapToLong(Map.Entry::getValue).sum();
        } catch (RuntimeException e) {
            return 0; // the demo has not made the store yet
        }
    }

    /** Every saga's row; rows compare field for field, version and history size included. */
    private static Map<String, SagaRecord> snapshot(String store) {
        try (SagaStore sagas = SagaStores.open(store)) {
            Map<String, SagaRecord> rows = new HashMap<>();
            Histories.all(sagas).forEach(r -> rows.put(r.id(), r));
            return rows;
        }
    }

    private static SagaRecord record(String store, String id) {
        try (SagaStore sagas = SagaStores.open(store)) {
            return sagas.find(id).orElseThrow();
        }
    }

    private static List<HistoryEventType> types(SagaStore sagas, String id) {
        return sagas.history(id).stream().map(HistoryEvent::type).toList();
    }

    private static HistoryEvent only(SagaStore sagas, String id, HistoryEventType type) {
        List<HistoryEvent> found = sagas.history(id).stream().filter(e -> e.type() == type).toList();
        assertThat(found).as("%s in the history of %s: %s", type, id, sagas.history(id)).hasSize(1);
        return found.getFirst();
    }

    private static CliRun cli(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.err()).as(run.all()).isEmpty();
        return run;
    }

    private static void assertRefused(int status, String saying, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.status()).as(run.all()).isEqualTo(status);
        assertThat(run.err()).as(run.all()).contains(saying).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).as(run.all()).isLessThanOrEqualTo(2);
        assertThat(run.out()).as(run.all()).isEmpty();
    }
}
