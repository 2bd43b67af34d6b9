package dev.sagaflow.jdbc.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the two saga tables, in the dialect SQLite and PostgreSQL share. Each method runs on
 * the connection it is given and leaves transactions to the caller.
 */
public final class SagaTables {
    static final String COLUMNS = "id, saga_name, saga_version, idempotency_key, correlation_id, state, data, "
            + "step_index, attempt, outcome_unknown, completed, cancel_requested, failure, wake_at, deadline_at, "
            + "owner, lease_until, version, write_id, history_size, created_at, updated_at, awaiting, flag";

    // Set by every transition; the identity columns (name, version, key, correlation, deadline,
    // created) never change after the insert.
    private static final String MUTABLE = "state, data, step_index, attempt, outcome_unknown, completed, "
            + "cancel_requested, failure, wake_at, owner, lease_until, version, write_id, history_size, updated_at, awaiting, flag";

    private static final String INSERT = "INSERT INTO saga_instance (id, saga_name, saga_version, idempotency_key, "
            + "correlation_id, deadline_at, created_at, " + MUTABLE + ") "
            + "VALUES (" + placeholders(7 + MUTABLE.split(",").length) + ") "
            + "ON CONFLICT (saga_name, idempotency_key) DO NOTHING";

    private static final String UPDATE = "UPDATE saga_instance SET "
            + MUTABLE.replace(",", " = ?,") + " = ? WHERE id = ? AND version = ?";

    private static final String INSERT_HISTORY = "INSERT INTO saga_history "
            + "(saga_id, seq, at, type, step, attempt, duration_us, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** The engine's outbox, written in the same transaction as the transitions that send its messages. */
    public static final OutboxTable OUTBOX = new OutboxTable("saga_outbox");

    private SagaTables() {
    }

    /**
     * Applies the writes inside the caller's transaction, as two JDBC batches (inserts, then updates)
     * and one batch of history rows for the writes that were applied: three round trips per commit
     * whatever its size. Within a batch, rows are written in one order (see below) so that two nodes
     * writing overlapping rows lock them in the same order. Results come back in the order of {@code writes}.
     */
    public static List<WriteResult> apply(Connection connection, List<StoreWrite> writes) throws SQLException {
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> inserts = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            (writes.get(i) instanceof StoreWrite.Insert ? inserts : updates).add(i);
        }
        // One lock order on every node: updates by id, inserts by the unique key they may wait on
        // (two nodes starting the same keys at once), so that no two batches wait on each other.
        Comparator<Integer> byId = Comparator.comparing(i -> writes.get(i).record().id());
        Comparator<Integer> byKey = Comparator.<Integer, String>comparing(i -> writes.get(i).record().sagaName())
                .thenComparing(i -> writes.get(i).record().idempotencyKey());
        inserts.sort(byKey);
        updates.sort(byId);
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement update = connection.prepareStatement(UPDATE);
             PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
            for (int i : inserts) {
                bindAll(insert, writes.get(i).record());
                insert.addBatch();
            }
            for (int i : updates) {
                StoreWrite.Update u = (StoreWrite.Update) writes.get(i);
                bindUpdate(update, u.record(), u.expectedVersion());
                update.addBatch();
            }
            int[] inserted = inserts.isEmpty() ? new int[0] : insert.executeBatch();
            int[] updated = updates.isEmpty() ? new int[0] : update.executeBatch();
            boolean anyHistory = false;
            List<dev.sagaflow.messaging.Message> outbox = new ArrayList<>();
            for (int k = 0; k < inserts.size(); k++) {
                int i = inserts.get(k);
                SagaRecord r = writes.get(i).record();
                if (rowCount(inserted[k]) == 1) {
                    results[i] = WriteResult.ok();
                    anyHistory |= addHistory(history, writes.get(i));
                    outbox.addAll(writes.get(i).outbox());
                } else {
                    String holder = findIdByKey(connection, r.sagaName(), r.idempotencyKey())
                            .orElseThrow(() -> new SQLException("insert of " + r.id() + " ignored but no row holds its key"));
                    results[i] = WriteResult.conflict(holder);
                }
            }
            for (int k = 0; k < updates.size(); k++) {
                int i = updates.get(k);
                if (rowCount(updated[k]) == 1) {
                    results[i] = WriteResult.ok();
                    anyHistory |= addHistory(history, writes.get(i));
                    outbox.addAll(writes.get(i).outbox());
                } else {
                    results[i] = WriteResult.stale();
                }
            }
            if (anyHistory) {
                history.executeBatch();
            }
            OUTBOX.insert(connection, outbox, System.currentTimeMillis());
        }
        return List.of(results);
    }

    private static int rowCount(int batchResult) throws SQLException {
        if (batchResult < 0) {
            // SUCCESS_NO_INFO would hide which writes the version check refused: never acceptable here.
            throw new SQLException("the JDBC driver did not report the row count of a batched statement");
        }
        return batchResult;
    }

    private static boolean addHistory(PreparedStatement history, StoreWrite write) throws SQLException {
        for (HistoryEvent event : write.history()) {
            bindHistory(history, write.record().id(), event);
            history.addBatch();
        }
        return !write.history().isEmpty();
    }

    /**
     * Claims due instances: owner, lease and version + 1 in one statement, returning the claimed rows.
     * SQLite serialises writers, so the plain form is enough there; on PostgreSQL several nodes claim
     * at once, and {@code lockClause} ({@code FOR UPDATE SKIP LOCKED}) makes each skip the rows
     * another is claiming instead of waiting for them.
     */
    public static List<SagaRecord> claimDue(Connection connection, String lockClause, String nodeId, long now,
                                            long leaseUntil, Collection<String> sagaNames, int limit) throws SQLException {
        if (sagaNames.isEmpty() || limit <= 0) {
            return List.of();
        }
        String sql = "UPDATE saga_instance SET owner = ?, lease_until = ?, version = version + 1 WHERE id IN ("
                + "SELECT id FROM saga_instance WHERE wake_at IS NOT NULL AND wake_at <= ? "
                + "AND saga_name IN (" + placeholders(sagaNames.size()) + ") "
                + "AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?) "
                + "ORDER BY wake_at LIMIT ? " + lockClause + ") RETURNING " + COLUMNS;
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
            int i = 1;
            claim.setString(i++, nodeId);
            claim.setLong(i++, leaseUntil);
            claim.setLong(i++, now);
            for (String name : sagaNames) {
                claim.setString(i++, name);
            }
            claim.setLong(i++, now);
            claim.setInt(i, limit);
            return records(claim);
        }
    }

    private static final int RENEW_CHUNK = 500;

    /**
     * Extends the leases of {@code ids} that {@code owner} still holds. On PostgreSQL the rows are
     * locked in id order and those a commit batch is writing at that moment are skipped ({@code lockClause}
     * {@code FOR UPDATE SKIP LOCKED}): that batch sets their lease itself, and a renewal that waited for
     * it, locking in another order, could deadlock with it.
     */
    public static void renewLeases(Connection connection, String lockClause, String owner, Collection<String> ids,
                                   long leaseUntil) throws SQLException {
        List<String> all = ids.stream().sorted().toList();
        for (int from = 0; from < all.size(); from += RENEW_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + RENEW_CHUNK));
            try (PreparedStatement renew = connection.prepareStatement("UPDATE saga_instance SET lease_until = ? "
                    + "WHERE id IN (SELECT id FROM saga_instance WHERE owner = ? AND id IN (" + placeholders(chunk.size())
                    + ") ORDER BY id " + lockClause + ")")) {
                renew.setLong(1, leaseUntil);
                renew.setString(2, owner);
                for (int i = 0; i < chunk.size(); i++) {
                    renew.setString(3 + i, chunk.get(i));
                }
                renew.executeUpdate();
            }
        }
    }

    public static void releaseLeases(Connection connection, String nodeId) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE saga_instance SET owner = NULL, lease_until = NULL WHERE owner = ?")) {
            release.setString(1, nodeId);
            release.executeUpdate();
        }
    }

    /** Frees every lease, whoever holds it: only for a store that knows no other node can be running. */
    public static int releaseAllLeases(Connection connection) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE saga_instance SET owner = NULL, lease_until = NULL WHERE owner IS NOT NULL")) {
            return release.executeUpdate();
        }
    }

    public static Optional<SagaRecord> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM saga_instance WHERE id = ?")) {
            select.setString(1, id);
            return records(select).stream().findFirst();
        }
    }

    public static Optional<SagaRecord> findByIdempotencyKey(Connection connection, String sagaName, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM saga_instance WHERE saga_name = ? AND idempotency_key = ?")) {
            select.setString(1, sagaName);
            select.setString(2, key);
            return records(select).stream().findFirst();
        }
    }

    private static Optional<String> findIdByKey(Connection connection, String sagaName, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM saga_instance WHERE saga_name = ? AND idempotency_key = ?")) {
            select.setString(1, sagaName);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static List<HistoryEvent> history(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, type, step, attempt, duration_us, "
                + "detail FROM saga_history WHERE saga_id = ? ORDER BY seq")) {
            select.setString(1, id);
            List<HistoryEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new HistoryEvent(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                            HistoryEventType.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
                            Duration.ofNanos(rs.getLong(6) * 1000), rs.getString(7)));
                }
            }
            return events;
        }
    }

    public static List<SagaRecord> list(Connection connection, SagaQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM saga_instance WHERE 1 = 1");
        if (!query.states().isEmpty()) {
            sql.append(" AND state IN (").append(placeholders(query.states().size())).append(')');
        }
        if (query.sagaName() != null) {
            sql.append(" AND saga_name = ?");
        }
        if (query.flagged()) {
            sql.append(" AND flag IS NOT NULL");
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ? OFFSET ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (SagaState state : query.states()) {
                select.setString(i++, state.name());
            }
            if (query.sagaName() != null) {
                select.setString(i++, query.sagaName());
            }
            select.setInt(i++, query.limit());
            select.setInt(i, query.offset());
            return records(select);
        }
    }

    public static Map<SagaState, Long> countByState(Connection connection, String sagaName) throws SQLException {
        String sql = "SELECT state, COUNT(*) FROM saga_instance"
                + (sagaName == null ? "" : " WHERE saga_name = ?") + " GROUP BY state";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (sagaName != null) {
                select.setString(1, sagaName);
            }
            Map<SagaState, Long> counts = new EnumMap<>(SagaState.class);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(SagaState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        }
    }

    public static Optional<Long> nextWakeAt(Connection connection, Collection<String> sagaNames) throws SQLException {
        if (sagaNames.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(wake_at) FROM saga_instance "
                + "WHERE wake_at IS NOT NULL AND owner IS NULL AND saga_name IN ("
                + placeholders(sagaNames.size()) + ")")) {
            int i = 1;
            for (String name : sagaNames) {
                select.setString(i++, name);
            }
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    long min = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(min);
                }
                return Optional.empty();
            }
        }
    }

    private static List<SagaRecord> records(PreparedStatement statement) throws SQLException {
        List<SagaRecord> records = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                records.add(record(rs));
            }
        }
        return records;
    }

    private static SagaRecord record(ResultSet rs) throws SQLException {
        return new SagaRecord(rs.getString("id"), rs.getString("saga_name"), rs.getInt("saga_version"),
                rs.getString("idempotency_key"), rs.getString("correlation_id"),
                SagaState.valueOf(rs.getString("state")), rs.getString("data"), rs.getInt("step_index"),
                rs.getInt("attempt"), rs.getInt("outcome_unknown") != 0,
                SagaRecord.completedFromText(rs.getString("completed")), rs.getInt("cancel_requested") != 0,
                rs.getString("failure"), nullableLong(rs, "wake_at"), nullableLong(rs, "deadline_at"),
                rs.getString("owner"), nullableLong(rs, "lease_until"), rs.getLong("version"),
                rs.getString("write_id"), rs.getInt("history_size"), rs.getLong("created_at"),
                rs.getLong("updated_at"), rs.getString("awaiting"), rs.getString("flag"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void bindAll(PreparedStatement s, SagaRecord r) throws SQLException {
        s.setString(1, r.id());
        s.setString(2, r.sagaName());
        s.setInt(3, r.sagaVersion());
        s.setString(4, r.idempotencyKey());
        s.setString(5, r.correlationId());
        setLong(s, 6, r.deadlineAt());
        s.setLong(7, r.createdAt());
        bindMutable(s, 8, r);
    }

    private static void bindUpdate(PreparedStatement s, SagaRecord r, long expectedVersion) throws SQLException {
        int next = bindMutable(s, 1, r);
        s.setString(next, r.id());
        s.setLong(next + 1, expectedVersion);
    }

    /** Binds the {@link #MUTABLE} columns from {@code first} on and returns the next index. */
    private static int bindMutable(PreparedStatement s, int first, SagaRecord r) throws SQLException {
        int i = first;
        s.setString(i++, r.state().name());
        s.setString(i++, r.data());
        s.setInt(i++, r.stepIndex());
        s.setInt(i++, r.attempt());
        s.setInt(i++, r.outcomeUnknown() ? 1 : 0);
        s.setString(i++, r.completedAsText());
        s.setInt(i++, r.cancelRequested() ? 1 : 0);
        s.setString(i++, r.failure());
        setLong(s, i++, r.wakeAt());
        s.setString(i++, r.owner());
        setLong(s, i++, r.leaseUntil());
        s.setLong(i++, r.version());
        s.setString(i++, r.writeId());
        s.setInt(i++, r.historySize());
        s.setLong(i++, r.updatedAt());
        s.setString(i++, r.awaiting());
        s.setString(i++, r.flag());
        return i;
    }

    private static void bindHistory(PreparedStatement s, String sagaId, HistoryEvent e) throws SQLException {
        s.setString(1, sagaId);
        s.setInt(2, e.seq());
        s.setLong(3, e.at().toEpochMilli());
        s.setString(4, e.type().name());
        s.setString(5, e.step());
        s.setInt(6, e.attempt());
        s.setLong(7, e.duration().toNanos() / 1000);
        s.setString(8, e.detail());
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
