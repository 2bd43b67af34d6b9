package dev.sagaflow.jdbc.legacy;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.jdbc.legacy.LegacySagas.LegacyData;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.testing.SeverableTransport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Writes the legacy fixture: a database of this release holding terminal and in-flight saga
 * instances of {@link LegacySagas}, as a process that was SIGKILLed mid-run leaves it.
 *
 * <pre>
 * LegacyDatabaseGenerator OUT.db                 # SQLite: OUT.db, one file (WAL merged)
 * LegacyDatabaseGenerator --postgres JDBC_URL    # fills that (empty) PostgreSQL database
 * </pre>
 *
 * The parent forks this class with {@code --child}: the child runs the real engine of this release
 * ({@link SagaEngine} on {@link SqliteSagaStore} or {@link PostgresSagaStore}), starts instances
 * whose data plans what their calls do (block, fail, succeed), waits until every one of them stands
 * where it was meant to (terminal, RUNNING mid-call, WAITING for a retry, COMPENSATING,
 * COMPENSATION_STALLED, WAITING for a reply with its command in the outbox) and prints
 * {@value #READY}. The parent then kills it with SIGKILL and, for SQLite, merges the WAL into the
 * main file with plain JDBC ({@code PRAGMA wal_checkpoint(TRUNCATE)}), so the fixture is one file.
 */
public final class LegacyDatabaseGenerator {
    static final String READY = "LEGACY-MIX-READY";

    private LegacyDatabaseGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--child")) {
            new Child(args[1], args[2]).run();
            return;
        }
        if (args.length == 2 && args[0].equals("--postgres")) {
            killedChild("postgres", args[1]);
            System.out.println("counts per state: " + countsPerState(DriverManager.getConnection(args[1])));
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: LegacyDatabaseGenerator OUT.db | --postgres JDBC_URL");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("legacy-generator").resolve("legacy.db");
        killedChild("sqlite", work.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            rs.next();
            if (rs.getInt(1) != 0) {
                throw new IllegalStateException("wal_checkpoint(TRUNCATE) was blocked: " + rs.getInt(1));
            }
        }
        for (String suffix : List.of("-wal", "-shm", ".lock")) {
            Files.deleteIfExists(Path.of(work + suffix));
        }
        Files.createDirectories(out.getParent());
        Files.copy(work, out, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out)) {
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes); counts per state: " + countsPerState(c));
        }
        for (String suffix : List.of("-wal", "-shm")) {
            if (Files.exists(Path.of(out + suffix))) {
                throw new IllegalStateException(out + suffix + " was left behind");
            }
        }
    }

    /** Forks the child, waits for {@link #READY} and kills it with SIGKILL. */
    private static void killedChild(String kind, String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("legacy-generator-child", ".log");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LegacyDatabaseGenerator.class.getName(), "--child", kind, where)
                .redirectError(log.toFile())
                .start();
        boolean ready = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("child: " + line);
                if (line.equals(READY)) {
                    ready = true;
                    break;
                }
            }
            // SIGKILL: the instances keep the leases, the outbox its claims, the calls under way never return.
            child.destroyForcibly();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child did not die");
            }
        }
        if (!ready) {
            throw new IllegalStateException("the child ended (exit " + child.exitValue() + ") before the mix was ready; its log: "
                    + log + "\n" + tail(log));
        }
        System.out.println("child killed with SIGKILL (exit " + child.exitValue() + "); its log: " + log);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static Map<String, Long> countsPerState(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (c; Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, count(*) FROM saga_instance GROUP BY state ORDER BY state")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** The process that writes the database with the engine, then waits to be killed. */
    private static final class Child {
        private final String kind;
        private final String where;
        private final Map<SagaId, String> labels = new LinkedHashMap<>();
        private final Map<SagaId, Predicate<SagaInstance>> standsWhereMeant = new LinkedHashMap<>();
        private SagaEngine engine;
        private int started;

        Child(String kind, String where) {
            this.kind = kind;
            this.where = where;
        }

        void run() throws Exception {
            LegacySagas.generating = true;
            SagaStore store = kind.equals("sqlite") ? SqliteSagaStore.open(Path.of(where)) : PostgresSagaStore.connect(where);
            SeverableTransport transport = new SeverableTransport(new InMemoryTransport());
            SagaEngine.Builder builder = SagaEngine.builder(store).transport(transport).nodeId("legacy-generator")
                    .pollInterval(Duration.ofMillis(50));
            for (SagaDefinition<?> definition : LegacySagas.definitions()) {
                builder.register(definition);
            }
            engine = builder.build();
            // The broker is out of reach from now on: the commands of remote steps stay in the outbox.
            transport.sever();

            String o = LegacySagas.ORDER;
            start(o, "completed", 8, Map.of(), is(SagaState.COMPLETED));
            start(o, "failed-at-charge", 5, Map.of("charge", LegacySagas.FAIL), is(SagaState.FAILED));
            start(o, "failed-at-pivot", 4, Map.of("ship", LegacySagas.FAIL), is(SagaState.FAILED));
            start(o, "running-at-reserve", 5, Map.of("reserve", LegacySagas.BLOCK), at(SagaState.RUNNING, "reserve"));
            start(o, "running-at-charge", 5, Map.of("charge", LegacySagas.BLOCK), at(SagaState.RUNNING, "charge"));
            start(o, "running-at-charge-attempt-2", 4, Map.of("charge", LegacySagas.FAIL_THEN_BLOCK),
                    at(SagaState.RUNNING, "charge").and(has(HistoryEventType.STEP_RESUMED)));
            start(o, "running-at-pivot", 4, Map.of("ship", LegacySagas.BLOCK), at(SagaState.RUNNING, "ship"));
            start(o, "running-at-notify", 4, Map.of("notify", LegacySagas.BLOCK), at(SagaState.RUNNING, "notify"));
            start(o, "retrying-notify-flagged", 5, Map.of("notify", LegacySagas.FAIL),
                    i -> "RETRYING".equals(i.flag()) && "notify".equals(i.currentStep()));
            start(o, "compensating-mid-call", 4, Map.of("charge", LegacySagas.FAIL, "undo:reserve", LegacySagas.BLOCK),
                    at(SagaState.COMPENSATING, "reserve"));
            List<SagaId> toCancel = start(o, "cancelled-while-running", 4, Map.of("charge", LegacySagas.BLOCK),
                    at(SagaState.RUNNING, "charge"));

            String s = LegacySagas.STALL;
            start(s, "failed", 5, Map.of("verify", LegacySagas.FAIL), is(SagaState.FAILED));
            start(s, "stalled-at-hold-b", 5, Map.of("verify", LegacySagas.FAIL, "undo:hold-b", LegacySagas.FAIL),
                    at(SagaState.COMPENSATION_STALLED, "hold-b"));
            start(s, "stalled-at-hold-a", 5, Map.of("verify", LegacySagas.FAIL, "undo:hold-a", LegacySagas.FAIL),
                    at(SagaState.COMPENSATION_STALLED, "hold-a"));
            start(s, "compensating-mid-call", 4, Map.of("verify", LegacySagas.FAIL, "undo:hold-b", LegacySagas.BLOCK),
                    at(SagaState.COMPENSATING, "hold-b"));
            start(s, "compensating-attempt-2", 4, Map.of("verify", LegacySagas.FAIL, "undo:hold-a", LegacySagas.FAIL_THEN_BLOCK),
                    at(SagaState.COMPENSATING, "hold-a").and(has(HistoryEventType.COMPENSATION_FAILED)));

            String d = LegacySagas.DEADLINE;
            start(d, "completed", 5, Map.of(), is(SagaState.COMPLETED));
            start(d, "failed-past-deadline", 5, Map.of("lock", LegacySagas.FAIL),
                    is(SagaState.FAILED).and(has(HistoryEventType.DEADLINE_EXCEEDED)));
            // The deadline cuts a call short (an unknown outcome, compensated): a call is under way at the kill
            // only in the last wave, before the deadline; the deadline then passes while no process runs.
            start(d, "failed-call-cut-by-deadline", 3, Map.of("lock", LegacySagas.BLOCK),
                    is(SagaState.FAILED).and(has(HistoryEventType.DEADLINE_EXCEEDED)));
            start(d, "running-at-report", 4, Map.of("report", LegacySagas.BLOCK), at(SagaState.RUNNING, "report"));

            String r = LegacySagas.RETRY;
            start(r, "completed", 5, Map.of(), is(SagaState.COMPLETED));
            start(r, "failed-after-retries", 3, Map.of("book", LegacySagas.FAIL), is(SagaState.FAILED));
            List<SagaId> toCancelWaiting = start(r, "cancelled-while-waiting", 5, Map.of("book", LegacySagas.FAIL),
                    at(SagaState.WAITING, "book"));

            awaitAll("the instances to cancel", id -> toCancel.contains(id) || toCancelWaiting.contains(id));
            for (SagaId id : toCancel) {
                engine.cancel(id);
                standsWhereMeant.put(id, at(SagaState.COMPENSATING, "charge").and(has(HistoryEventType.CANCEL_REQUESTED)));
            }
            for (SagaId id : toCancelWaiting) {
                engine.cancel(id);
                standsWhereMeant.put(id, is(SagaState.CANCELLED));
            }
            awaitAll("the first wave", id -> true);
            // Let the calls planned to fail and then block get into their blocking attempt.
            Thread.sleep(500);

            // Waits of a few seconds: the last ones must still be waiting when the process is killed.
            List<SagaId> second = start(r, "waiting-retry-attempt-3", 5, Map.of("book", LegacySagas.FAIL),
                    at(SagaState.WAITING, "book").and(i -> i.attempt() == 2));
            awaitAll("the retries' second failures", second::contains);
            start(r, "waiting-retry-attempt-2", 5, Map.of("book", LegacySagas.FAIL), at(SagaState.WAITING, "book"));
            start(d, "running-at-lock-before-deadline", 4, Map.of("lock", LegacySagas.BLOCK), at(SagaState.RUNNING, "lock"));
            start(d, "waiting-retry-before-deadline", 3, Map.of("lock", LegacySagas.FAIL), at(SagaState.WAITING, "lock"));
            List<SagaId> remote = start(LegacySagas.REMOTE, "waiting-for-reply", 3, Map.of(),
                    at(SagaState.WAITING, "charge-remote").and(has(HistoryEventType.COMMAND_SENT)));
            awaitAll("the last wave", id -> true);
            awaitOutbox(remote);
            System.out.println("started " + started + " instances; counts per state: " + engine.countByState(null));
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }

        private List<SagaId> start(String saga, String label, int count, Map<String, String> plan,
                                   Predicate<SagaInstance> meant) {
            List<SagaId> ids = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String key = saga + "/" + label + "/" + n;
                SagaId id = engine.start(saga, LegacyData.of(label, plan), key);
                labels.put(id, key);
                standsWhereMeant.put(id, meant);
                ids.add(id);
                started++;
            }
            return ids;
        }

        private void awaitAll(String what, Predicate<SagaId> which) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                List<String> notYet = new ArrayList<>();
                for (var entry : standsWhereMeant.entrySet()) {
                    if (which.test(entry.getKey())) {
                        SagaInstance instance = engine.get(entry.getKey());
                        if (!entry.getValue().test(instance)) {
                            notYet.add(labels.get(entry.getKey()) + " is " + instance.state() + " at " + instance.currentStep());
                        }
                    }
                }
                if (notYet.isEmpty()) {
                    System.out.println(what + ": every instance stands where it was meant to");
                    return;
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException(what + ": not where meant after 60 s: " + notYet);
                }
                Thread.sleep(50);
            }
        }

        /** The remote instances' commands are in the outbox, unsent (the transport is cut off). */
        private void awaitOutbox(List<SagaId> remote) throws Exception {
            String url = kind.equals("sqlite") ? "jdbc:sqlite:" + where : where;
            try (Connection c = DriverManager.getConnection(url);
                 PreparedStatement q = c.prepareStatement("SELECT count(*) FROM saga_outbox o JOIN saga_instance i "
                         + "ON i.id = o.saga_id AND i.awaiting = o.id WHERE i.id = ?")) {
                for (SagaId id : remote) {
                    q.setString(1, id.value());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != 1) {
                            throw new IllegalStateException(labels.get(id) + " has no command in the outbox");
                        }
                    }
                }
            }
        }

        private static Predicate<SagaInstance> is(SagaState state) {
            return i -> i.state() == state;
        }

        private static Predicate<SagaInstance> at(SagaState state, String step) {
            return i -> i.state() == state && step.equals(i.currentStep());
        }

        private static Predicate<SagaInstance> has(HistoryEventType type) {
            return i -> i.history().stream().map(HistoryEvent::type).anyMatch(type::equals);
        }
    }
}
