package dev.sagaflow.jdbc;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.jdbc.internal.DueWorkListener;
import dev.sagaflow.jdbc.internal.SagaTables;
import dev.sagaflow.jdbc.internal.ScheduleTable;
import dev.sagaflow.jdbc.internal.SchemaMigrator;
import dev.sagaflow.jdbc.internal.SqlDialect;
import dev.sagaflow.spi.DueWork;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.ScheduleRecord;
import dev.sagaflow.spi.TickClaim;
import dev.sagaflow.spi.SignalDelivery;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The store for several engine nodes: one PostgreSQL database is the whole cluster. Nodes claim
 * due instances with {@code FOR UPDATE SKIP LOCKED} under leases they renew; the version check on
 * every write fences a node whose lease expired. Each engine's group commit becomes one
 * transaction of batched statements. When a write leaves work for any node (an instance nobody
 * holds is due), the transaction also {@code NOTIFY}s, and idle nodes {@code LISTEN}ing wake at once;
 * their poll interval only bounds the delay when a notification is lost.
 *
 * <p>The URL is a JDBC one, user included, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/sagas?user=postgres}. The tables are created and
 * upgraded by the same Flyway migrations as SQLite's.
 */
public final class PostgresSagaStore implements SagaStore {
    private static final SqlDialect DIALECT = SqlDialect.POSTGRES;
    private static final int READ_ATTEMPTS = 3;
    private static final String WRITE_UNKNOWN = " (a write's outcome is unknown)";

    private final Database database;
    private final DueWorkListener listener;

    private PostgresSagaStore(Database database) {
        this.database = database;
        this.listener = new DueWorkListener(database.url(), new Properties());
    }

    public static PostgresSagaStore connect(String jdbcUrl) {
        return connect(jdbcUrl, 8);
    }

    /** @param poolSize connections for writes, claims and reads; one more is held for {@code LISTEN} */
    public static PostgresSagaStore connect(String jdbcUrl, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("PostgreSQL store URL must start with jdbc:postgresql:, was " + redact(jdbcUrl));
        }
        Database database = Database.open(jdbcUrl, poolSize);
        try {
            SchemaMigrator.migrate(database.migrationSource(), redact(jdbcUrl));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new PostgresSagaStore(database);
    }

    /** The pool this store works through, for tests that act as one of its transactions. */
    Database database() {
        return database;
    }

    @Override
    public void open(String nodeId) {
        // Nothing to take over here: other nodes may be alive, and leases left by a dead one expire.
    }

    @Override
    public List<WriteResult> write(List<StoreWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        return refusedOrUnknown(() -> inTransaction(WRITE_UNKNOWN, c -> {
            List<WriteResult> results = SagaTables.apply(c, DIALECT, writes);
            for (int i = 0; i < writes.size(); i++) {
                if (results.get(i).isApplied() && leavesWorkForAnyNode(writes.get(i))) {
                    notifyDueWork(c);
                    break;
                }
            }
            return results;
        }));
    }

    /**
     * Whether the write hands an instance to no node while it has work: a due time, or signals it knows
     * it has not seen (the store makes it due). One delivered after the node read the row is found by
     * the pollers within their interval.
     */
    private static boolean leavesWorkForAnyNode(StoreWrite write) {
        if (write instanceof StoreWrite.Group group) {
            return group.members().stream().anyMatch(PostgresSagaStore::leavesWorkForAnyNode);
        }
        if (write instanceof StoreWrite.Update u && !u.deliveries().isEmpty()) {
            return true; // a child's end or a parent's cancel, which wakes an instance no node may hold
        }
        SagaRecord r = write.record();
        return r.owner() == null && (r.wakeAt() != null || r.signals().pending());
    }

    /** A write PostgreSQL refused for its values committed nothing and would be refused again: say so. */
    private <T> T refusedOrUnknown(Supplier<T> write) {
        try {
            return write.get();
        } catch (SagaStoreException e) {
            throw Database.refusedOrUnknown(e, "PostgreSQL store " + database.where());
        }
    }

    @Override
    public List<SagaRecord> claimDue(String nodeId, long now, long leaseUntil, Collection<String> sagaNames, int limit) {
        return inTransaction(WRITE_UNKNOWN, c -> SagaTables.claimDue(c, DIALECT, nodeId, now, leaseUntil, sagaNames, limit));
    }

    @Override
    public List<dev.sagaflow.messaging.Message> claimOutbox(String nodeId, long now, long leaseUntil, int limit) {
        return inTransaction(WRITE_UNKNOWN, c -> SagaTables.OUTBOX.claim(c, DIALECT, nodeId, now, leaseUntil, limit));
    }

    @Override
    public void deleteOutbox(Collection<String> messageIds) {
        inTransaction(WRITE_UNKNOWN, c -> {
            SagaTables.OUTBOX.delete(c, messageIds);
            return null;
        });
    }

    @Override
    public void renewLeases(String nodeId, Collection<String> ids, long leaseUntil) {
        inTransaction(WRITE_UNKNOWN, c -> {
            SagaTables.renewLeases(c, DIALECT, nodeId, ids, leaseUntil);
            return null;
        });
    }

    @Override
    public SignalDelivery deliverSignal(SignalRecord signal, long now) {
        return inTransaction(" (the signal's delivery is unknown)", c -> {
            SagaTables.Delivery delivery = SagaTables.deliverSignal(c, DIALECT, signal, now);
            if (delivery.madeDue()) {
                notifyDueWork(c);
            }
            return delivery.outcome();
        });
    }

    @Override
    public Inbox inbox(String sagaId) {
        return read(c -> SagaTables.inbox(c, sagaId));
    }

    @Override
    public List<String> signalledInstances(String owner) {
        return read(c -> SagaTables.signalledInstances(c, owner));
    }

    @Override
    public void releaseLeases(String nodeId) {
        inTransaction(WRITE_UNKNOWN, c -> {
            SagaTables.releaseLeases(c, nodeId);
            notifyDueWork(c);
            return null;
        });
    }

    @Override
    public Optional<SagaRecord> find(String id) {
        return read(c -> SagaTables.find(c, id));
    }

    @Override
    public Optional<SagaRecord> findByIdempotencyKey(String sagaName, String idempotencyKey) {
        return read(c -> SagaTables.findByIdempotencyKey(c, sagaName, idempotencyKey));
    }

    @Override
    public List<HistoryEvent> history(String id) {
        return read(c -> SagaTables.history(c, id));
    }

    @Override
    public List<SagaRecord> list(SagaQuery query) {
        return read(c -> SagaTables.list(c, query));
    }

    @Override
    public Map<String, Map<SagaState, Long>> countByNameAndState() {
        return read(c -> SagaTables.countByNameAndState(c));
    }

    @Override
    public Map<SagaState, Long> countByState(String sagaName) {
        return read(c -> SagaTables.countByState(c, sagaName));
    }

    @Override
    public DueWork dueWork(Collection<String> sagaNames, long now, int cap) {
        return read(c -> SagaTables.dueWork(c, sagaNames, now, cap));
    }

    @Override
    public Optional<Long> nextWakeAt(Collection<String> sagaNames) {
        return read(c -> SagaTables.nextWakeAt(c, sagaNames));
    }

    @Override
    public ScheduleRecord registerSchedule(ScheduleRecord wanted, long now) {
        return inTransaction(" (the schedule's registration is unknown)", c -> ScheduleTable.register(c, DIALECT, wanted, now));
    }

    @Override
    public List<ScheduleRecord> schedules() {
        return read(ScheduleTable::all);
    }

    /** A started tick's instance is held by no node yet: the NOTIFY in its transaction wakes whichever is idle. */
    @Override
    public TickClaim claimTick(String scheduleName, long expectedLastTick, long tick, StoreWrite.Insert start) {
        return refusedOrUnknown(() -> inTransaction(" (the tick's claim is unknown)", c -> {
            TickClaim claim = ScheduleTable.claimTick(c, DIALECT, scheduleName, expectedLastTick, tick, start);
            if (claim.outcome() == TickClaim.Outcome.STARTED) {
                notifyDueWork(c);
            }
            return claim;
        }));
    }

    @Override
    public boolean skipTicks(String scheduleName, long expectedLastTick, long upTo) {
        return inTransaction(WRITE_UNKNOWN, c -> ScheduleTable.moveLastTick(c, scheduleName, expectedLastTick, upTo));
    }

    @Override
    public void onDueWork(Runnable wakeUp) {
        listener.add(wakeUp);
    }

    @Override
    public void close() {
        listener.close();
        database.close();
    }

    private static void notifyDueWork(Connection c) throws SQLException {
        try (Statement notify = c.createStatement()) {
            notify.execute("NOTIFY " + DueWorkListener.CHANNEL);
        }
    }

    /** @param consequence what a failure means for the caller, appended to the error message */
    private <T> T inTransaction(String consequence, Database.Work<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException | RuntimeException e) {
            throw new SagaStoreException("PostgreSQL store " + database.where() + ": " + Database.rootMessage(e)
                    + consequence, e);
        }
    }

    /**
     * A read: when the pooled connection turns out to be dead (the server restarted, a DBA ended
     * it), it is tried again on a fresh one, since reading twice does no harm.
     */
    private <T> T read(Database.Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction("", work);
            } catch (SagaStoreException e) {
                if (attempt == READ_ATTEMPTS || !(e.getCause() instanceof SQLException sql && Database.isConnectionLost(sql))) {
                    throw e;
                }
            }
        }
    }


    /** The URL without a password, for messages and logs. */
    static String redact(String jdbcUrl) {
        return Database.redact(jdbcUrl);
    }
}
