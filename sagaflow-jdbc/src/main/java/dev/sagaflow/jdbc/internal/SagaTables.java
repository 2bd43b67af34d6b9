package dev.sagaflow.jdbc.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.spi.DueWork;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SignalDelivery;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the two saga tables, in the dialect SQLite and PostgreSQL share. Each method runs on
 * the connection it is given and leaves transactions to the caller.
 */
public final class SagaTables {
    static final String COLUMNS = "id, saga_name, saga_version, idempotency_key, correlation_id, state, data, "
            + "progress, to_compensate, cancel_requested, failure, wake_at, deadline_at, owner, lease_until, version, "
            + "write_id, history_size, created_at, updated_at, flag, signal_count, signals_seen, start_context, parent_id, joins, run, loops";

    // Set by every transition; the identity columns (name, version, key, correlation, deadline,
    // created, start context, parent) never change after the insert, and signal_count is the store's alone.
    private static final String MUTABLE = "state, data, progress, to_compensate, cancel_requested, failure, "
            + "owner, lease_until, version, write_id, history_size, updated_at, flag, signals_seen, joins, run, loops";

    private static final String INSERT = "INSERT INTO saga_instance (id, saga_name, saga_version, idempotency_key, "
            + "correlation_id, deadline_at, created_at, signal_count, wake_at, start_context, parent_id, " + MUTABLE + ") "
            + "VALUES (" + placeholders(11 + MUTABLE.split(",").length) + ") "
            + "ON CONFLICT (saga_name, idempotency_key) DO NOTHING";

    // An instance that has not seen every signal delivered to it is made due at once (unless terminal),
    // whatever the write says: a delivery while a node held it did not wake it.
    private static final String UPDATE = "UPDATE saga_instance SET "
            + MUTABLE.replace(",", " = ?,") + " = ?, wake_at = CASE WHEN signal_count > ? THEN ? ELSE ? END "
            + "WHERE id = ? AND version = ?";

    private static final String INSERT_HISTORY = "INSERT INTO saga_history "
            + "(saga_id, seq, at, type, step, attempt, duration_us, detail, stack_trace, metadata, run) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String CONSUME_SIGNAL = "UPDATE saga_signal SET consumed_at = ? "
            + "WHERE signal_id = ? AND saga_id = ? AND consumed_at IS NULL";

    /** The engine's outbox, written in the same transaction as the transitions that send its messages. */
    public static final OutboxTable OUTBOX = new OutboxTable("saga_outbox");

    private SagaTables() {
    }

    /**
     * Applies the writes inside the caller's transaction. Plain inserts and updates go as two JDBC
     * batches (inserts, then updates), and the history rows of the writes applied as one more: three
     * round trips per commit whatever its size. Within a batch, rows are written in one order (see
     * below) so that two nodes writing overlapping rows lock them in the same order. A
     * {@link StoreWrite.Group} runs after them, member by member inside a savepoint, rolled back to
     * when a member is refused; where rows are locked, every row the commit updates is locked first,
     * in id order, when it holds a group. Results come back in the order of {@code writes}.
     */
    public static List<WriteResult> apply(Connection connection, SqlDialect dialect, List<StoreWrite> writes)
            throws SQLException {
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> inserts = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            switch (writes.get(i)) {
                case StoreWrite.Insert insert -> inserts.add(i);
                case StoreWrite.Update update -> updates.add(i);
                case StoreWrite.Group group -> groups.add(i);
            }
        }
        // One lock order on every node: updates by id, inserts by the unique key they may wait on
        // (two nodes starting the same keys at once), so that no two batches wait on each other.
        Comparator<Integer> byId = Comparator.comparing(i -> writes.get(i).record().id());
        Comparator<Integer> byKey = Comparator.<Integer, String>comparing(i -> writes.get(i).record().sagaName())
                .thenComparing(i -> writes.get(i).record().idempotencyKey());
        inserts.sort(byKey);
        updates.sort(byId);
        long now = System.currentTimeMillis();
        Applied applied = new Applied();
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement update = connection.prepareStatement(UPDATE);
             PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
            for (int i : inserts) {
                bindInsert(insert, writes.get(i).record());
                insert.addBatch();
            }
            int[] inserted = inserts.isEmpty() ? new int[0] : insert.executeBatch();
            if ((!groups.isEmpty() || delivers(writes)) && dialect.locksRows()) {
                lockUpdatedRows(connection, dialect, writes);
            }
            for (int i : updates) {
                StoreWrite.Update u = (StoreWrite.Update) writes.get(i);
                bindUpdate(update, u.record(), u.expectedVersion());
                update.addBatch();
            }
            int[] updated = updates.isEmpty() ? new int[0] : update.executeBatch();
            for (int k = 0; k < inserts.size(); k++) {
                int i = inserts.get(k);
                results[i] = rowCount(inserted[k]) == 1 ? applied.add(writes.get(i)) : conflict(connection, writes.get(i));
            }
            for (int k = 0; k < updates.size(); k++) {
                int i = updates.get(k);
                results[i] = rowCount(updated[k]) == 1 ? applied.add(writes.get(i)) : WriteResult.stale();
            }
            for (int i : groups) {
                results[i] = applyGroup(connection, (StoreWrite.Group) writes.get(i), insert, update, applied);
            }
            for (StoreWrite write : applied.writes) {
                for (HistoryEvent event : write.history()) {
                    bindHistory(history, write.record().id(), event);
                    history.setInt(11, write.record().progress().run());
                    history.addBatch();
                }
            }
            if (applied.anyHistory) {
                history.executeBatch();
            }
        }
        consumeSignals(connection, applied.writes, now);
        pruneRuns(connection, applied.writes);
        deliver(connection, dialect, applied.writes, now);
        OUTBOX.insert(connection, applied.outbox, now);
        return List.of(results);
    }

    /** What the applied writes add after the instance rows: history, outbox messages, consumed signals. */
    private static final class Applied {
        final List<StoreWrite> writes = new ArrayList<>();
        final List<Message> outbox = new ArrayList<>();
        boolean anyHistory;

        WriteResult add(StoreWrite write) {
            writes.add(write);
            outbox.addAll(write.outbox());
            anyHistory |= !write.history().isEmpty();
            return WriteResult.ok();
        }
    }

    private static WriteResult conflict(Connection connection, StoreWrite insert) throws SQLException {
        SagaRecord r = insert.record();
        String holder = findIdByKey(connection, r.sagaName(), r.idempotencyKey())
                .orElseThrow(() -> new SQLException("insert of " + r.id() + " ignored but no row holds its key"));
        return WriteResult.conflict(holder);
    }

    private static boolean delivers(List<StoreWrite> writes) {
        for (StoreWrite write : writes) {
            if (write instanceof StoreWrite.Update u && !u.deliveries().isEmpty()) {
                return true;
            }
            if (write instanceof StoreWrite.Group g && g.members().stream()
                    .anyMatch(m -> m instanceof StoreWrite.Update u && !u.deliveries().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Locks, in id order, every row the commit's updates and groups will update, and every row it
     * delivers to: a group's members are written after the batched updates, one by one, and deliveries
     * after all of them (a child's end to its parent, a parent's cancel to its child), and would
     * otherwise lock out of order.
     */
    private static void lockUpdatedRows(Connection connection, SqlDialect dialect, List<StoreWrite> writes)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        for (StoreWrite write : writes) {
            List<StoreWrite> members = write instanceof StoreWrite.Group g ? g.members() : List.of(write);
            for (StoreWrite member : members) {
                if (member instanceof StoreWrite.Update u) {
                    ids.add(u.record().id());
                    u.deliveries().forEach(d -> ids.add(d.sagaId()));
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        List<String> sorted = ids.stream().distinct().sorted().toList();
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM saga_instance WHERE id IN ("
                + placeholders(sorted.size()) + ") ORDER BY id" + dialect.forUpdate())) {
            for (int k = 0; k < sorted.size(); k++) {
                lock.setString(k + 1, sorted.get(k));
            }
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    // locked
                }
            }
        }
    }

    /**
     * Writes a group's members inside a savepoint: all applied, or the first refusal returned and the
     * savepoint rolled back to, so that none of them is. Members are written in lock order (inserts by
     * key, then updates by id); the result is that of the first refused member in the group's own order.
     */
    private static WriteResult applyGroup(Connection connection, StoreWrite.Group group, PreparedStatement insert,
                                          PreparedStatement update, Applied applied) throws SQLException {
        List<StoreWrite> members = group.members();
        // Two inserts of one key in one group: the second is refused, as the in-memory store does,
        // before anything of the group is written.
        Set<String> keys = new HashSet<>();
        for (StoreWrite member : members) {
            if (member instanceof StoreWrite.Insert
                    && !keys.add(member.record().sagaName() + '\u0000' + member.record().idempotencyKey())) {
                return WriteResult.conflict(member.record().id());
            }
        }
        List<StoreWrite> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.<StoreWrite, Boolean>comparing(m -> m instanceof StoreWrite.Update)
                .thenComparing(m -> m instanceof StoreWrite.Insert ? m.record().sagaName() : "")
                .thenComparing(m -> m instanceof StoreWrite.Insert ? m.record().idempotencyKey() : m.record().id()));
        Map<StoreWrite, WriteResult> refusals = new HashMap<>();
        Savepoint savepoint = connection.setSavepoint();
        for (StoreWrite member : ordered) {
            boolean done;
            if (member instanceof StoreWrite.Update u) {
                bindUpdate(update, u.record(), u.expectedVersion());
                done = update.executeUpdate() == 1;
                if (!done) {
                    refusals.put(member, WriteResult.stale());
                }
            } else {
                bindInsert(insert, member.record());
                done = insert.executeUpdate() == 1;
                if (!done) {
                    refusals.put(member, conflict(connection, member));
                }
            }
        }
        if (!refusals.isEmpty()) {
            connection.rollback(savepoint);
            return members.stream().filter(refusals::containsKey).findFirst().map(refusals::get).orElseThrow();
        }
        connection.releaseSavepoint(savepoint);
        members.forEach(applied::add);
        return WriteResult.ok();
    }

    /** Deletes the history of the runs the applied updates no longer keep (a saga that continued as new). */
    private static void pruneRuns(Connection connection, List<StoreWrite> applied) throws SQLException {
        for (StoreWrite write : applied) {
            if (write instanceof StoreWrite.Update u && u.keepRunsFrom() != null) {
                try (PreparedStatement prune = connection.prepareStatement(
                        "DELETE FROM saga_history WHERE saga_id = ? AND run < ?")) {
                    prune.setString(1, u.record().id());
                    prune.setInt(2, u.keepRunsFrom());
                    prune.executeUpdate();
                }
            }
        }
    }

    /** Puts the applied updates' deliveries in the inboxes they go to, after every row of the commit is written. */
    private static void deliver(Connection connection, SqlDialect dialect, List<StoreWrite> applied, long now)
            throws SQLException {
        for (StoreWrite write : applied) {
            if (write instanceof StoreWrite.Update u) {
                for (SignalRecord delivery : u.deliveries()) {
                    deliverSignal(connection, dialect, delivery, now);
                }
            }
        }
    }

    /** Marks the inbox entries the applied updates consumed; one round trip, and none when there are none. */
    private static void consumeSignals(Connection connection, List<StoreWrite> applied, long now) throws SQLException {
        PreparedStatement consume = null;
        try {
            for (StoreWrite write : applied) {
                if (write instanceof StoreWrite.Update u && !u.consumedSignals().isEmpty()) {
                    if (consume == null) {
                        consume = connection.prepareStatement(CONSUME_SIGNAL);
                    }
                    for (String signalId : u.consumedSignals()) {
                        consume.setLong(1, now);
                        consume.setString(2, signalId);
                        consume.setString(3, u.record().id());
                        consume.addBatch();
                    }
                }
            }
            if (consume != null) {
                consume.executeBatch();
            }
        } finally {
            if (consume != null) {
                consume.close();
            }
        }
    }

    private static int rowCount(int batchResult) throws SQLException {
        if (batchResult < 0) {
            // SUCCESS_NO_INFO would hide which writes the version check refused: never acceptable here.
            throw new SQLException("the JDBC driver did not report the row count of a batched statement");
        }
        return batchResult;
    }

    /**
     * The saga name as the due-work queries filter on it: an expression, so that no index on
     * {@code saga_name} is taken for them. Left to choose, SQLite (and PostgreSQL before it has
     * statistics) read the due rows through the (saga_name, idempotency_key) index, every row of the
     * saga, 0.2-0.5 s per poll at a million waiting instances; through the {@code wake_at} index a
     * claim or the next due time reads only the rows it returns. (A (saga_name, wake_at) index does
     * the same for the queries but costs PostgreSQL a quarter of its transition throughput.)
     */
    private static final String BY_NAME_NOT_BY_INDEX = "(saga_name || '')";

    /**
     * Claims due instances: owner, lease and version + 1 in one statement, returning the claimed rows.
     * SQLite serialises writers, so the plain form is enough there; on PostgreSQL several nodes claim
     * at once, and {@link SqlDialect#skipLocked()} makes each skip the rows another is claiming
     * instead of waiting for them.
     */
    public static List<SagaRecord> claimDue(Connection connection, SqlDialect dialect, String nodeId, long now,
                                            long leaseUntil, Collection<String> sagaNames, int limit) throws SQLException {
        if (sagaNames.isEmpty() || limit <= 0) {
            return List.of();
        }
        String sql = "UPDATE saga_instance SET owner = ?, lease_until = ?, version = version + 1 WHERE id IN ("
                + "SELECT id FROM saga_instance WHERE wake_at IS NOT NULL AND wake_at <= ? "
                + "AND " + BY_NAME_NOT_BY_INDEX + " IN (" + placeholders(sagaNames.size()) + ") "
                + "AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?) "
                + "ORDER BY wake_at LIMIT ?" + dialect.skipLocked() + ") RETURNING " + COLUMNS;
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
     * locked in id order and those a commit batch is writing at that moment are skipped
     * ({@link SqlDialect#skipLocked()}): that batch sets their lease itself, and a renewal that waited for
     * it, locking in another order, could deadlock with it.
     */
    public static void renewLeases(Connection connection, SqlDialect dialect, String owner, Collection<String> ids,
                                   long leaseUntil) throws SQLException {
        List<String> all = ids.stream().sorted().toList();
        for (int from = 0; from < all.size(); from += RENEW_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + RENEW_CHUNK));
            try (PreparedStatement renew = connection.prepareStatement("UPDATE saga_instance SET lease_until = ? "
                    + "WHERE id IN (SELECT id FROM saga_instance WHERE owner = ? AND id IN (" + placeholders(chunk.size())
                    + ") ORDER BY id" + dialect.skipLocked() + ")")) {
                renew.setLong(1, leaseUntil);
                renew.setString(2, owner);
                for (int i = 0; i < chunk.size(); i++) {
                    renew.setString(3 + i, chunk.get(i));
                }
                renew.executeUpdate();
            }
        }
    }

    /** What {@link #deliverSignal} did, and whether it made the instance due for any node (none holds it). */
    public record Delivery(SignalDelivery outcome, boolean madeDue) {
    }

    /**
     * Puts {@code signal} in its instance's inbox, inside the caller's transaction: the instance's row is
     * locked first (where rows are locked), so deliveries to one instance take their sequence numbers one
     * after the other. A signal id already in the inbox (consumed or not) is a duplicate when it came to
     * the same instance under the same name, else taken; the primary key decides, not this look.
     * Nothing is written for an instance that does not exist or has ended.
     */
    public static Delivery deliverSignal(Connection connection, SqlDialect dialect, SignalRecord signal, long now)
            throws SQLException {
        SagaState state = null;
        long received = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, signal_count FROM saga_instance WHERE id = ?" + dialect.forUpdate())) {
            select.setString(1, signal.sagaId());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    state = SagaState.valueOf(rs.getString(1));
                    received = rs.getLong(2);
                }
            }
        }
        Optional<SignalDelivery> earlier = earlierDelivery(connection, signal);
        if (earlier.isPresent()) {
            return new Delivery(earlier.get(), false);
        }
        if (state == null) {
            return new Delivery(SignalDelivery.NOT_FOUND, false);
        }
        if (state.isTerminal()) {
            return new Delivery(SignalDelivery.FINISHED, false);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO saga_signal "
                + "(signal_id, saga_id, name, payload, received_at, seq) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (signal_id) DO NOTHING")) {
            insert.setString(1, signal.signalId());
            insert.setString(2, signal.sagaId());
            insert.setString(3, signal.name());
            insert.setString(4, signal.payload());
            insert.setLong(5, signal.receivedAt());
            insert.setLong(6, received + 1);
            if (insert.executeUpdate() == 0) {
                // Another transaction put the same id in at the same moment (for another instance: the
                // instance lock did not keep it out); it has committed by now.
                return new Delivery(earlierDelivery(connection, signal).orElseThrow(() -> new SQLException(
                        "signal " + signal.signalId() + " was not inserted but no row holds its id")), false);
            }
        }
        try (PreparedStatement wake = connection.prepareStatement("UPDATE saga_instance SET signal_count = signal_count + 1, "
                + "wake_at = CASE WHEN (owner IS NULL OR lease_until IS NULL OR lease_until <= ?) "
                + "AND (wake_at IS NULL OR wake_at > ?) THEN ? ELSE wake_at END "
                + "WHERE id = ? RETURNING owner, lease_until")) {
            wake.setLong(1, now);
            wake.setLong(2, now);
            wake.setLong(3, now);
            wake.setString(4, signal.sagaId());
            try (ResultSet rs = wake.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("instance " + signal.sagaId() + " went away while its signal was delivered");
                }
                String owner = rs.getString(1);
                Long leaseUntil = nullableLong(rs, "lease_until");
                return new Delivery(SignalDelivery.DELIVERED, owner == null || leaseUntil == null || leaseUntil <= now);
            }
        }
    }

    private static Optional<SignalDelivery> earlierDelivery(Connection connection, SignalRecord signal) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT saga_id, name FROM saga_signal WHERE signal_id = ?")) {
            select.setString(1, signal.signalId());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean same = signal.sagaId().equals(rs.getString(1)) && signal.name().equals(rs.getString(2));
                return Optional.of(same ? SignalDelivery.DUPLICATE : SignalDelivery.ID_TAKEN);
            }
        }
    }

    /**
     * The instance's signal count and its pending signals in delivery order, in one statement (one
     * snapshot): a count read apart from the entries could include one they do not, which a node
     * would then record as seen without having read it.
     */
    public static Inbox inbox(Connection connection, String sagaId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT i.signal_count, s.signal_id, s.name, "
                + "s.payload, s.received_at FROM saga_instance i LEFT JOIN saga_signal s "
                + "ON s.saga_id = i.id AND s.consumed_at IS NULL WHERE i.id = ? ORDER BY s.seq")) {
            select.setString(1, sagaId);
            long received = 0;
            List<SignalRecord> pending = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    received = rs.getLong(1);
                    String signalId = rs.getString(2);
                    if (signalId != null) {
                        pending.add(new SignalRecord(signalId, sagaId, rs.getString(3), rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return new Inbox(received, pending);
        }
    }

    /** Instances {@code owner} holds with signals it has not seen (the partial index saga_instance_signalled). */
    public static List<String> signalledInstances(Connection connection, String owner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM saga_instance "
                + "WHERE owner = ? AND signal_count > signals_seen ORDER BY created_at, id")) {
            select.setString(1, owner);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
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
                + "detail, stack_trace, metadata FROM saga_history WHERE saga_id = ? ORDER BY seq")) {
            select.setString(1, id);
            List<HistoryEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new HistoryEvent(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)),
                            HistoryEventType.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
                            Duration.ofNanos(rs.getLong(6) * 1000), rs.getString(7), rs.getString(8), rs.getString(9)));
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
        if (query.correlationId() != null) {
            sql.append(" AND correlation_id = ?");
        }
        if (query.idempotencyKey() != null) {
            sql.append(" AND idempotency_key = ?");
        }
        if (query.since() != null) {
            sql.append(" AND created_at >= ?");
        }
        if (query.until() != null) {
            sql.append(" AND created_at < ?");
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
            if (query.correlationId() != null) {
                select.setString(i++, query.correlationId());
            }
            if (query.idempotencyKey() != null) {
                select.setString(i++, query.idempotencyKey());
            }
            if (query.since() != null) {
                select.setLong(i++, query.since().toEpochMilli());
            }
            if (query.until() != null) {
                select.setLong(i++, query.until().toEpochMilli());
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

    /** Due rows no live lease holds, the earliest first through the wake_at index, counted up to {@code cap}. */
    public static DueWork dueWork(Connection connection, Collection<String> sagaNames, long now, int cap) throws SQLException {
        if (sagaNames.isEmpty()) {
            return DueWork.NONE;
        }
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*), MIN(wake_at) FROM (SELECT wake_at FROM saga_instance "
                + "WHERE wake_at IS NOT NULL AND wake_at <= ? AND " + BY_NAME_NOT_BY_INDEX + " IN ("
                + placeholders(sagaNames.size()) + ") AND (owner IS NULL OR lease_until IS NULL OR lease_until < ?) "
                + "ORDER BY wake_at LIMIT ?) due")) {
            int i = 1;
            count.setLong(i++, now);
            for (String name : sagaNames) {
                count.setString(i++, name);
            }
            count.setLong(i++, now);
            count.setInt(i, cap);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                long due = rs.getLong(1);
                long oldest = rs.getLong(2);
                return due == 0 ? DueWork.NONE : new DueWork(due, oldest);
            }
        }
    }

    public static Map<String, Map<SagaState, Long>> countByNameAndState(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT saga_name, state, COUNT(*) FROM saga_instance GROUP BY saga_name, state")) {
            Map<String, Map<SagaState, Long>> counts = new java.util.TreeMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), n -> new EnumMap<>(SagaState.class))
                            .put(SagaState.valueOf(rs.getString(2)), rs.getLong(3));
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
                + "WHERE wake_at IS NOT NULL AND owner IS NULL AND " + BY_NAME_NOT_BY_INDEX + " IN ("
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
        String progress = rs.getString("progress");
        return new SagaRecord(
                new SagaRecord.Identity(rs.getString("id"), rs.getString("saga_name"), rs.getInt("saga_version"),
                        rs.getString("idempotency_key"), rs.getString("correlation_id"), rs.getLong("created_at"),
                        nullableLong(rs, "deadline_at"), rs.getString("start_context"), rs.getString("parent_id")),
                new SagaRecord.Status(SagaState.valueOf(rs.getString("state")), rs.getString("failure"),
                        rs.getInt("cancel_requested") != 0, rs.getString("flag")),
                rs.getString("data"),
                new SagaRecord.Progress(SagaRecord.Progress.positionsFromText(progress),
                        SagaRecord.Progress.toCompensateFromText(rs.getString("to_compensate")), rs.getString("joins"), rs.getInt("run"), rs.getInt("loops")),
                new SagaRecord.Signals(rs.getLong("signal_count"), rs.getLong("signals_seen")),
                nullableLong(rs, "wake_at"),
                new SagaRecord.Fence(rs.getLong("version"), rs.getString("write_id"), rs.getInt("history_size")),
                new SagaRecord.Lease(rs.getString("owner"), nullableLong(rs, "lease_until")),
                rs.getLong("updated_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void bindInsert(PreparedStatement s, SagaRecord r) throws SQLException {
        s.setString(1, r.id());
        s.setString(2, r.sagaName());
        s.setInt(3, r.sagaVersion());
        s.setString(4, r.idempotencyKey());
        s.setString(5, r.correlationId());
        setLong(s, 6, r.deadlineAt());
        s.setLong(7, r.createdAt());
        s.setLong(8, r.signals().received());
        setLong(s, 9, r.wakeAt());
        s.setString(10, r.identity().startContext());
        s.setString(11, r.parentId());
        bindMutable(s, 12, r);
    }

    private static void bindUpdate(PreparedStatement s, SagaRecord r, long expectedVersion) throws SQLException {
        int i = bindMutable(s, 1, r);
        s.setLong(i++, r.signals().seen());
        setLong(s, i++, signalledWakeAt(r));
        setLong(s, i++, r.wakeAt());
        s.setString(i++, r.id());
        s.setLong(i, expectedVersion);
    }

    /** The wake-up time of an update's row when more signals were delivered than it saw: now (its write time), unless terminal. */
    private static Long signalledWakeAt(SagaRecord r) {
        if (r.state().isTerminal()) {
            return null;
        }
        return r.wakeAt() == null ? r.updatedAt() : Math.min(r.wakeAt(), r.updatedAt());
    }

    /** Binds the {@link #MUTABLE} columns from {@code first} on and returns the next index. */
    private static int bindMutable(PreparedStatement s, int first, SagaRecord r) throws SQLException {
        int i = first;
        s.setString(i++, r.state().name());
        s.setString(i++, r.data());
        s.setString(i++, r.progress().positionsAsText());
        s.setString(i++, r.progress().toCompensateAsText());
        s.setInt(i++, r.cancelRequested() ? 1 : 0);
        s.setString(i++, r.failure());
        s.setString(i++, r.owner());
        setLong(s, i++, r.leaseUntil());
        s.setLong(i++, r.version());
        s.setString(i++, r.writeId());
        s.setInt(i++, r.historySize());
        s.setLong(i++, r.updatedAt());
        s.setString(i++, r.flag());
        s.setLong(i++, r.signals().seen());
        s.setString(i++, r.progress().joins());
        s.setInt(i++, r.progress().run());
        s.setInt(i++, r.progress().loops());
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
        s.setString(9, e.stackTrace());
        s.setString(10, e.metadata());
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
