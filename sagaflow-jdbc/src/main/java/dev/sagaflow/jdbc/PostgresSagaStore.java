package dev.sagaflow.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.internal.DueWorkListener;
import dev.sagaflow.jdbc.internal.SagaTables;
import dev.sagaflow.jdbc.internal.SchemaMigrator;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

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
    private static final String LOCK_CLAUSE = "FOR UPDATE SKIP LOCKED";
    private static final int READ_ATTEMPTS = 3;
    private static final String WRITE_UNKNOWN = " (a write's outcome is unknown)";

    private final String url;
    private final HikariDataSource pool;
    private final DueWorkListener listener;

    private PostgresSagaStore(String url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
        this.listener = new DueWorkListener(url, new Properties());
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
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        config.setPoolName("sagaflow");
        // A database that is down fails calls within seconds; the engine retries them.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(2_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SagaStoreException("Cannot connect to PostgreSQL store " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            // Flyway holds two connections at once: give it its own, not the pool's.
            PGSimpleDataSource migrations = new PGSimpleDataSource();
            migrations.setURL(jdbcUrl);
            SchemaMigrator.migrate(migrations, redact(jdbcUrl));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresSagaStore(jdbcUrl, pool);
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
        return inTransaction(WRITE_UNKNOWN, c -> {
            List<WriteResult> results = SagaTables.apply(c, writes);
            for (int i = 0; i < writes.size(); i++) {
                SagaRecord r = writes.get(i).record();
                if (results.get(i).isApplied() && r.owner() == null && r.wakeAt() != null) {
                    notifyDueWork(c);
                    break;
                }
            }
            return results;
        });
    }

    @Override
    public List<SagaRecord> claimDue(String nodeId, long now, long leaseUntil, Collection<String> sagaNames, int limit) {
        return inTransaction(WRITE_UNKNOWN, c -> SagaTables.claimDue(c, LOCK_CLAUSE, nodeId, now, leaseUntil, sagaNames, limit));
    }

    @Override
    public List<dev.sagaflow.messaging.Message> claimOutbox(String nodeId, long now, long leaseUntil, int limit) {
        return inTransaction(WRITE_UNKNOWN, c -> SagaTables.OUTBOX.claim(c, LOCK_CLAUSE, nodeId, now, leaseUntil, limit));
    }

    @Override
    public void deleteOutbox(Collection<String> messageIds) {
        inTransaction(WRITE_UNKNOWN, c -> {
            SagaTables.OUTBOX.delete(c, messageIds);
            return null;
        });
    }

    @Override
    public void renewLeases(String nodeId, long leaseUntil) {
        inTransaction(WRITE_UNKNOWN, c -> {
            SagaTables.renewLeases(c, nodeId, leaseUntil);
            return null;
        });
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
    public Map<SagaState, Long> countByState(String sagaName) {
        return read(c -> SagaTables.countByState(c, sagaName));
    }

    @Override
    public Optional<Long> nextWakeAt(Collection<String> sagaNames) {
        return read(c -> SagaTables.nextWakeAt(c, sagaNames));
    }

    @Override
    public void onDueWork(Runnable wakeUp) {
        listener.add(wakeUp);
    }

    @Override
    public void close() {
        listener.close();
        pool.close();
    }

    private static void notifyDueWork(Connection c) throws SQLException {
        try (Statement notify = c.createStatement()) {
            notify.execute("NOTIFY " + DueWorkListener.CHANNEL);
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * A read: when the pooled connection turns out to be dead (the server restarted, a DBA ended
     * it), it is tried again on a fresh one, since reading twice does no harm.
     */
    private <T> T read(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction("", work);
            } catch (SagaStoreException e) {
                if (attempt == READ_ATTEMPTS || !(e.getCause() instanceof SQLException sql && isConnectionLost(sql))) {
                    throw e;
                }
            }
        }
    }

    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        // 08: connection exception; 57P01..57P03: the server is shutting down or ended this backend.
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** @param consequence what a failure means for the caller, appended to the error message */
    private <T> T inTransaction(String consequence, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql && isConnectionLost(sql)) {
                // The pool's other idle connections most likely died with this one and, if used within
                // the last half second, Hikari would hand them out unchecked.
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            throw new SagaStoreException("PostgreSQL store " + redact(url) + ": " + rootMessage(e)
                    + consequence, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
    }

    /** The URL without a password, for messages and logs. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
