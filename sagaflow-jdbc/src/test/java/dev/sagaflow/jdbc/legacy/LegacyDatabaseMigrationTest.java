package dev.sagaflow.jdbc.legacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.jdbc.legacy.LegacyHistoryChecker.Instance;
import dev.sagaflow.jdbc.legacy.LegacySagas.Effect;
import dev.sagaflow.jdbc.legacy.LegacySagas.Kind;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.spi.SagaStore;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database written by release 0.1 ({@code legacy/sagaflow-0.1-inflight.db}, made by
 * {@link LegacyDatabaseGenerator}: a process SIGKILLed with instances in every state the engine
 * produces) opens with the code of this checkout, which upgrades its schema, and every instance it
 * held in flight ends as it should, while those that had ended are left as they were. The same for
 * a PostgreSQL database of 0.1 ({@code legacy/sagaflow-0.1-inflight-postgres.sql}, a pg_dump) loaded
 * into a database of the test's own; without a server that test is skipped (under {@code CI=true} it fails).
 */
class LegacyDatabaseMigrationTest {
    private static final Duration TO_THE_END = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aSqliteDatabaseOfRelease01OpensAndEveryInstanceItHeldInFlightEnds() throws Exception {
        Path file = dir.resolve("sagaflow-0.1-inflight.db");
        try (InputStream in = LegacyDatabaseMigrationTest.class.getResourceAsStream(LegacyFixture.SQLITE_RESOURCE)) {
            assertThat(in).as("the resource " + LegacyFixture.SQLITE_RESOURCE).isNotNull();
            Files.copy(in, file);
        }
        String url = "jdbc:sqlite:" + file;
        LegacyFixture before;
        try (Connection c = DriverManager.getConnection(url)) {
            before = LegacyFixture.read(c);
        }
        runToTheEndAndCheck("SQLite", before, SqliteSagaStore.open(file), () -> DriverManager.getConnection(url));
    }

    @Test
    @Timeout(120)
    void aPostgresDatabaseOfRelease01OpensAndEveryInstanceItHeldInFlightEnds() throws Exception {
        String dump;
        try (InputStream in = LegacyDatabaseMigrationTest.class.getResourceAsStream(LegacyFixture.POSTGRES_RESOURCE)) {
            assertThat(in).as("the resource " + LegacyFixture.POSTGRES_RESOURCE).isNotNull();
            // psql's meta-commands (\restrict of recent pg_dump releases) are not SQL.
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n"));
        }
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            LegacyFixture before;
            try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement()) {
                s.execute(dump);
            }
            try (Connection c = DriverManager.getConnection(database.url())) {
                before = LegacyFixture.read(c);
            }
            runToTheEndAndCheck("PostgreSQL", before, PostgresSagaStore.connect(database.url()),
                    () -> DriverManager.getConnection(database.url()));
        }
    }

    @Test
    void theCheckerReportsEachPlantedFault() throws Exception {
        Path file = dir.resolve("planted.db");
        try (InputStream in = LegacyDatabaseMigrationTest.class.getResourceAsStream(LegacyFixture.SQLITE_RESOURCE)) {
            Files.copy(in, file);
        }
        LegacyFixture fixture;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            fixture = LegacyFixture.read(c);
        }
        Instance failedOrder = first(fixture, LegacySagas.ORDER + "/failed-at-pivot/");
        Instance failedStall = first(fixture, LegacySagas.STALL + "/failed/");
        Instance completed = first(fixture, LegacySagas.ORDER + "/completed/");
        Instance cancelled = first(fixture, LegacySagas.RETRY + "/cancelled-while-waiting/");
        Instance running = first(fixture, LegacySagas.ORDER + "/running-at-charge/");
        for (Instance sound : List.of(failedOrder, failedStall, completed, cancelled)) {
            assertThat(LegacyHistoryChecker.check(sound)).as(sound.key()).isEmpty();
        }

        Instance lacksACompensation = failedOrder.withHistory(without(failedOrder.history(),
                e -> e.type() == HistoryEventType.COMPENSATION_SUCCEEDED && e.step().equals("reserve")));
        assertThat(LegacyHistoryChecker.check(lacksACompensation)).singleElement().asString()
                .contains("compensations [charge], expected [charge, reserve]");

        Instance compensatedTwice = failedOrder.withHistory(duplicated(failedOrder.history(),
                e -> e.type() == HistoryEventType.COMPENSATION_SUCCEEDED && e.step().equals("charge")));
        assertThat(LegacyHistoryChecker.check(compensatedTwice)).singleElement().asString()
                .contains("compensations [charge, charge, reserve]");

        Instance wrongOrder = failedStall.withHistory(failedStall.history().stream().map(e ->
                e.type() != HistoryEventType.COMPENSATION_SUCCEEDED ? e
                        : new HistoryEvent(e.seq(), e.at(), e.type(), e.step().equals("hold-a") ? "hold-b" : "hold-a",
                        e.attempt(), e.duration(), e.detail())).toList());
        assertThat(LegacyHistoryChecker.check(wrongOrder)).singleElement().asString()
                .contains("compensations [hold-a, hold-b], expected [hold-b, hold-a]");

        Instance stepMissing = completed.withHistory(without(completed.history(),
                e -> e.type() == HistoryEventType.STEP_SUCCEEDED && e.step().equals("ship")));
        assertThat(LegacyHistoryChecker.check(stepMissing)).singleElement().asString()
                .contains("COMPLETED, but the steps done are [reserve, charge, notify]");

        Instance cancelWithoutRequest = cancelled.withHistory(without(cancelled.history(),
                e -> e.type() == HistoryEventType.CANCEL_REQUESTED));
        assertThat(LegacyHistoryChecker.check(cancelWithoutRequest)).singleElement().asString()
                .contains("CANCELLED without CANCEL_REQUESTED");

        Instance endedWrong = failedOrder.withState(SagaState.COMPLETED);
        assertThat(LegacyHistoryChecker.check(endedWrong)).anySatisfy(p -> assertThat(p).contains("expected one SAGA_COMPLETED"));
        assertThat(LegacyHistoryChecker.check(running)).singleElement().asString().contains("not terminal");

        // The ledger: a call the history does not record, or a recorded success no call made.
        int size = failedOrder.history().size();
        Effect extra = new Effect(1, failedOrder.id(), "reserve", Kind.COMPENSATION);
        assertThat(LegacyHistoryChecker.checkLedger(failedOrder, size, List.of(extra))).singleElement().asString()
                .contains("calls made {COMPENSATION reserve=1}, but the history recorded {}");
        assertThat(LegacyHistoryChecker.checkLedger(failedOrder, size - 2, List.of())).singleElement().asString()
                .contains("calls made {}, but the history recorded {COMPENSATION reserve=1}");
        assertThat(LegacyHistoryChecker.checkLedger(failedOrder, size - 2, List.of(extra))).isEmpty();
    }

    interface Connector {
        Connection connect() throws SQLException;
    }

    /**
     * Opens {@code store} with an engine registering the legacy sagas (every call now succeeds; the
     * remote step's participant answers only compensations), waits until no instance is in flight,
     * and checks every instance against what the file held before.
     */
    static void runToTheEndAndCheck(String what, LegacyFixture before, SagaStore store, Connector connector) throws Exception {
        assertTheFixtureHoldsTheMix(before);
        System.out.println(what + " legacy fixture, before: " + before.countsPerState());

        LegacySagas.generating = false;
        LegacySagas.LEDGER.clear();
        InMemoryTransport transport = new InMemoryTransport();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        Map<String, Integer> chargesUnanswered = new ConcurrentHashMap<>();
        var participant = transport.subscribe(LegacySagas.REMOTE_CHANNEL, "legacy-payments", command -> {
            if (!handled.add(command.id())) {
                return;
            }
            if (command.type().equals(LegacySagas.CHARGE_COMMAND)) {
                chargesUnanswered.merge(command.sagaId(), 1, Integer::sum);
                return;
            }
            LegacySagas.LEDGER.record(command.sagaId(), "charge-remote", Kind.COMPENSATION);
            transport.send(List.of(Reply.success(null).toMessage(command)));
        });
        Map<String, Instance> after = new LinkedHashMap<>();
        try {
            SagaEngine.Builder builder = SagaEngine.builder(store).transport(transport).nodeId("legacy-migration-test")
                    .pollInterval(Duration.ofMillis(50));
            for (SagaDefinition<?> definition : LegacySagas.definitions()) {
                builder.register(definition);
            }
            try (SagaEngine engine = builder.build()) {
                try {
                    await().atMost(TO_THE_END).pollInterval(Duration.ofMillis(100))
                            .until(() -> inFlight(engine.countByState(null)) == 0);
                } catch (ConditionTimeoutException e) {
                    List<String> stuck = new ArrayList<>();
                    for (Instance old : before.instances().values()) {
                        SagaInstance now = engine.get(new SagaId(old.id()));
                        if (!now.state().isTerminal()) {
                            List<HistoryEvent> h = now.history();
                            stuck.add(old.key() + " is " + now.state() + " at " + now.currentStep() + ", last entries "
                                    + h.subList(Math.max(0, h.size() - 3), h.size()));
                        }
                    }
                    throw new AssertionError(what + ": " + stuck.size() + " instances still in flight after " + TO_THE_END
                            + ": " + stuck, e);
                }
                for (Instance old : before.instances().values()) {
                    SagaInstance now = engine.get(new SagaId(old.id()));
                    after.put(old.id(), new Instance(old.id(), now.sagaName(), now.idempotencyKey(), now.state(),
                            now.dataJson(), now.history()));
                }
                System.out.println(what + " legacy fixture, after: " + engine.countByState(null));
            }
        } finally {
            participant.close();
            transport.close();
            store.close();
        }
        List<Effect> effects = LegacySagas.LEDGER.effects();

        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Instance old : before.instances().values()) {
            Instance now = after.get(old.id());
            SagaState intended = before.intendedEnd(old.id());
            if (now.state() != intended) {
                problems.add(old + ": ended " + now.state() + ", intended " + intended + "; history " + now.history());
            }
            int kept = old.history().size();
            if (now.history().size() < kept || !sameEntries(old.history(), now.history().subList(0, kept))) {
                problems.add(old + ": the history it had is not kept as it was: " + old.history() + " became " + now.history());
            }
            if (old.state().isTerminal()) {
                if (now.history().size() != kept || !json.readTree(now.dataJson()).equals(json.readTree(old.dataJson()))) {
                    problems.add(old + ": ended before, but changed: data " + old.dataJson() + " -> " + now.dataJson()
                            + ", history " + kept + " -> " + now.history().size() + " entries");
                }
            }
            problems.addAll(LegacyHistoryChecker.check(now));
            problems.addAll(LegacyHistoryChecker.checkLedger(now, kept, effects));
        }
        effects.stream().filter(e -> !before.instances().containsKey(e.sagaId()))
                .forEach(e -> problems.add("a call for an instance the file does not hold: " + e));
        for (Instance old : before.instances().values()) {
            if (old.sagaName().equals(LegacySagas.REMOTE) && !old.state().isTerminal()
                    && chargesUnanswered.getOrDefault(old.id(), 0) < 1) {
                problems.add(old + ": its command never reached the participant (it sat in the outbox)");
            }
        }
        assertThat(problems).as("problems of the legacy instances").isEmpty();

        Map<String, Boolean> migrations;
        try (Connection c = connector.connect()) {
            migrations = LegacyFixture.migrations(c);
        }
        System.out.println(what + " legacy fixture, Flyway history after opening: " + migrations);
        assertMigrated(migrations);
    }

    /** The file is the one the README describes: every state the engine produces, a command in the outbox, 0.1's schema. */
    static void assertTheFixtureHoldsTheMix(LegacyFixture before) {
        assertThat(before.countsPerState()).as("instances per state in the fixture").containsKeys(SagaState.COMPLETED,
                SagaState.FAILED, SagaState.CANCELLED, SagaState.RUNNING, SagaState.WAITING, SagaState.COMPENSATING,
                SagaState.COMPENSATION_STALLED);
        assertThat(before.outboxRows()).as("commands in the outbox").isPositive();
        assertThat(before.rows().values()).as("rows of 0.1")
                .anyMatch(r -> r.awaiting() != null && r.state().equals("WAITING"))
                .anyMatch(r -> "RETRYING".equals(r.flag()) && r.state().equals("WAITING"))
                .anyMatch(r -> r.cancelRequested() && r.state().equals("COMPENSATING"))
                .anyMatch(r -> r.owner() != null && r.state().equals("RUNNING"))
                .anyMatch(r -> r.state().equals("RUNNING") && r.attempt() > 0);
        assertThat(before.migrations()).as("Flyway history of the file as 0.1 wrote it")
                .isEqualTo(new TreeMap<>(Map.of("1", true, "2", true, "3", true)));
    }

    /** At least V1..V3 applied, each successfully, and whatever came after them too (V4 on). */
    static void assertMigrated(Map<String, Boolean> migrations) {
        assertThat(migrations).containsKeys("1", "2", "3");
        assertThat(migrations).allSatisfy((version, success) -> assertThat(success).as("V" + version + " succeeded").isTrue());
        assertThat(migrations.keySet().stream().mapToInt(v -> Integer.parseInt(v.split("\\.")[0])).max().orElse(0))
                .isGreaterThanOrEqualTo(3);
    }

    private static long inFlight(Map<SagaState, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    private static boolean sameEntries(List<HistoryEvent> a, List<HistoryEvent> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            HistoryEvent x = a.get(i);
            HistoryEvent y = b.get(i);
            if (x.seq() != y.seq() || x.type() != y.type() || !java.util.Objects.equals(x.step(), y.step())
                    || x.attempt() != y.attempt() || !x.at().equals(y.at())) {
                return false;
            }
        }
        return true;
    }

    private static Instance first(LegacyFixture fixture, String keyPrefix) {
        return fixture.instances().values().stream().filter(i -> i.key().startsWith(keyPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture has no " + keyPrefix + "*"));
    }

    /** The history without the entries matching, renumbered 1..n. */
    private static List<HistoryEvent> without(List<HistoryEvent> history, java.util.function.Predicate<HistoryEvent> drop) {
        return renumbered(history.stream().filter(drop.negate()).toList());
    }

    /** The history with the entries matching there twice, renumbered 1..n. */
    private static List<HistoryEvent> duplicated(List<HistoryEvent> history, java.util.function.Predicate<HistoryEvent> twice) {
        List<HistoryEvent> more = new ArrayList<>();
        for (HistoryEvent e : history) {
            more.add(e);
            if (twice.test(e)) {
                more.add(e);
            }
        }
        return renumbered(more);
    }

    private static List<HistoryEvent> renumbered(List<HistoryEvent> history) {
        List<HistoryEvent> numbered = new ArrayList<>();
        for (HistoryEvent e : history) {
            numbered.add(new HistoryEvent(numbered.size() + 1, e.at(), e.type(), e.step(), e.attempt(), e.duration(), e.detail()));
        }
        return numbered;
    }
}
