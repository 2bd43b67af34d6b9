package dev.sagaflow.jdbc.legacy;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.legacy.LegacyHistoryChecker.Instance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The legacy fixture as the release that wrote it left it, read with plain SQL before any engine
 * opens it, so the read is of the 0.1 schema (V1..V3) whatever the checkout's code expects.
 */
public record LegacyFixture(Map<String, Instance> instances, Map<String, Row> rows, int outboxRows,
                            Map<String, Boolean> migrations) {
    public static final String SQLITE_RESOURCE = "/legacy/sagaflow-0.1-inflight.db";
    public static final String POSTGRES_RESOURCE = "/legacy/sagaflow-0.1-inflight-postgres.sql";

    /** The 0.1 columns that say where an in-flight instance stood. */
    public record Row(String state, int stepIndex, int attempt, boolean cancelRequested, String awaiting, String flag,
                      String owner, int historySize) {
    }

    public static LegacyFixture read(Connection c) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, saga_name, idempotency_key, state, data, step_index, attempt, "
                     + "cancel_requested, awaiting, flag, owner, history_size FROM saga_instance ORDER BY created_at, id")) {
            while (rs.next()) {
                String id = rs.getString("id");
                heads.put(id, new String[] {rs.getString("saga_name"), rs.getString("idempotency_key"),
                        rs.getString("state"), rs.getString("data")});
                rows.put(id, new Row(rs.getString("state"), rs.getInt("step_index"), rs.getInt("attempt"),
                        rs.getInt("cancel_requested") != 0, rs.getString("awaiting"), rs.getString("flag"),
                        rs.getString("owner"), rs.getInt("history_size")));
            }
        }
        Map<String, List<HistoryEvent>> histories = new LinkedHashMap<>();
        heads.keySet().forEach(id -> histories.put(id, new ArrayList<>()));
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT saga_id, seq, at, type, step, attempt, duration_us, detail "
                     + "FROM saga_history ORDER BY saga_id, seq")) {
            while (rs.next()) {
                histories.computeIfAbsent(rs.getString("saga_id"), id -> new ArrayList<>()).add(new HistoryEvent(
                        rs.getInt("seq"), Instant.ofEpochMilli(rs.getLong("at")), HistoryEventType.valueOf(rs.getString("type")),
                        rs.getString("step"), rs.getInt("attempt"), Duration.ofNanos(rs.getLong("duration_us") * 1_000),
                        rs.getString("detail")));
            }
        }
        Map<String, Instance> instances = new LinkedHashMap<>();
        heads.forEach((id, h) -> instances.put(id, new Instance(id, h[0], h[1], SagaState.valueOf(h[2]), h[3],
                histories.get(id))));
        int outbox;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM saga_outbox")) {
            rs.next();
            outbox = rs.getInt(1);
        }
        return new LegacyFixture(instances, rows, outbox, migrations(c));
    }

    /** Flyway's history of the saga tables: version to success. */
    public static Map<String, Boolean> migrations(Connection c) throws SQLException {
        Map<String, Boolean> migrations = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM sagaflow_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                migrations.merge(rs.getString(1), rs.getBoolean(2), Boolean::logicalAnd);
            }
        }
        return migrations;
    }

    public Map<SagaState, Long> countsPerState() {
        Map<SagaState, Long> counts = new TreeMap<>();
        instances.values().forEach(i -> counts.merge(i.state(), 1L, Long::sum));
        return counts;
    }

    /**
     * How the instance must end once run to its end with every call succeeding: as it is if it
     * ended; CANCELLED or FAILED if it was compensating (cancelled or not); FAILED if it can only
     * be compensated (its remote step's reply never comes; its deadline passed before the pivot);
     * COMPLETED otherwise.
     */
    public SagaState intendedEnd(String id) {
        Instance i = instances.get(id);
        if (i.state().isTerminal()) {
            return i.state();
        }
        if (i.state().isCompensating()) {
            return rows.get(id).cancelRequested() ? SagaState.CANCELLED : SagaState.FAILED;
        }
        int pointOfNoReturn = LegacySagas.definition(i.sagaName()).pointOfNoReturn();
        boolean pastPivot = rows.get(id).stepIndex() >= pointOfNoReturn;
        if (!pastPivot && (i.sagaName().equals(LegacySagas.REMOTE) || i.sagaName().equals(LegacySagas.DEADLINE))) {
            return SagaState.FAILED;
        }
        return SagaState.COMPLETED;
    }
}
