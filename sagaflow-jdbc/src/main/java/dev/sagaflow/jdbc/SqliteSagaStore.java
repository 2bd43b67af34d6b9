package dev.sagaflow.jdbc;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.jdbc.internal.ExclusiveFileLock;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: one SQLite file, one engine node. WAL journal with {@code synchronous=FULL},
 * so a commit survives power loss; one writer connection, to which the engine hands the
 * transitions of many instances at once (group commit), and one reader connection that WAL lets
 * read while the writer commits.
 *
 * <p>{@link #open(String)} takes an operating-system lock on {@code <file>.lock}: a second engine
 * node on the same file is refused with a clear message (use PostgreSQL for several nodes), and
 * since the lock dies with its process, the leases a crashed node left behind are freed at once.
 */
public final class SqliteSagaStore implements SagaStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteSagaStore.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private ExclusiveFileLock nodeLock;

    private SqliteSagaStore(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Opens the store in {@code file}, creating the file, its directory and the tables (Flyway) when
     * they do not exist and upgrading the tables when they are older.
     *
     * @throws SagaStoreException naming the file when it is a directory, not a SQLite database, or
     *                            holds tables of a newer Sagaflow
     */
    public static SqliteSagaStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path path = file.toAbsolutePath().normalize();
        SchemaMigrator.checkSqliteStoreFile(path);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new SagaStoreException("Cannot create the directory of SQLite store " + path + ": " + e, e);
        }
        String url = "jdbc:sqlite:" + path;
        SchemaMigrator.migrate(dataSource(url), path.toString());
        Connection writer = null;
        try {
            // Transactions are begun and ended by statement: the driver's own auto-commit=false
            // mode re-begins at once after each commit and would hold the write lock between batches.
            writer = dataSource(url).getConnection();
            Connection reader = dataSource(url).getConnection();
            return new SqliteSagaStore(path, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new SagaStoreException("Cannot open SQLite store " + path + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteDataSource dataSource(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    public Path file() {
        return file;
    }

    /** A pragma as the writer connection sees it, for tests of the durability settings. */
    String writerPragma(String name) {
        writeLock.lock();
        try (java.sql.Statement statement = writer.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new SagaStoreException("PRAGMA " + name + " failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void open(String nodeId) {
        writeLock.lock();
        try {
            if (nodeLock == null) {
                nodeLock = ExclusiveFileLock.acquire(Path.of(file + ".lock"), "SQLite store " + file
                        + " is in use by another engine node (its lock file " + file + ".lock is held). "
                        + "SQLite runs one node per file: stop the other process, or use PostgreSQL for several nodes.");
            }
            int freed = inTransaction(() -> SagaTables.releaseAllLeases(writer));
            if (freed > 0) {
                log.info("Took over {} instances left claimed by a node that stopped without handing them back", freed);
            }
            // Its relay's claims too: the commands it had claimed but not sent go at once, not a lease later.
            int unsent = inTransaction(() -> SagaTables.OUTBOX.releaseAllClaims(writer));
            if (unsent > 0) {
                log.info("Took over {} outbox messages left claimed by a relay that stopped before sending them", unsent);
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<WriteResult> write(List<StoreWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        writeLock.lock();
        try {
            return inTransaction(() -> SagaTables.apply(writer, SqlDialect.SQLITE, writes));
        } catch (SagaStoreException e) {
            throw Database.refusedOrUnknown(e, "SQLite store " + file);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<SagaRecord> claimDue(String nodeId, long now, long leaseUntil, Collection<String> sagaNames, int limit) {
        writeLock.lock();
        try {
            return inTransaction(() -> SagaTables.claimDue(writer, SqlDialect.SQLITE, nodeId, now, leaseUntil, sagaNames, limit));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<dev.sagaflow.messaging.Message> claimOutbox(String nodeId, long now, long leaseUntil, int limit) {
        writeLock.lock();
        try {
            return inTransaction(() -> SagaTables.OUTBOX.claim(writer, SqlDialect.SQLITE, nodeId, now, leaseUntil, limit));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void deleteOutbox(Collection<String> messageIds) {
        writeLock.lock();
        try {
            inTransaction(() -> {
                SagaTables.OUTBOX.delete(writer, messageIds);
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void renewLeases(String nodeId, Collection<String> ids, long leaseUntil) {
        writeLock.lock();
        try {
            inTransaction(() -> {
                SagaTables.renewLeases(writer, SqlDialect.SQLITE, nodeId, ids, leaseUntil);
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public SignalDelivery deliverSignal(SignalRecord signal, long now) {
        writeLock.lock();
        try {
            return inTransaction(() -> SagaTables.deliverSignal(writer, SqlDialect.SQLITE, signal, now).outcome());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Inbox inbox(String sagaId) {
        return read(() -> SagaTables.inbox(reader, sagaId));
    }

    @Override
    public List<String> signalledInstances(String owner) {
        return read(() -> SagaTables.signalledInstances(reader, owner));
    }

    @Override
    public void releaseLeases(String nodeId) {
        writeLock.lock();
        try {
            inTransaction(() -> {
                SagaTables.releaseLeases(writer, nodeId);
                return null;
            });
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<SagaRecord> find(String id) {
        return read(() -> SagaTables.find(reader, id));
    }

    @Override
    public Optional<SagaRecord> findByIdempotencyKey(String sagaName, String idempotencyKey) {
        return read(() -> SagaTables.findByIdempotencyKey(reader, sagaName, idempotencyKey));
    }

    @Override
    public List<HistoryEvent> history(String id) {
        return read(() -> SagaTables.history(reader, id));
    }

    @Override
    public List<SagaRecord> list(SagaQuery query) {
        return read(() -> SagaTables.list(reader, query));
    }

    @Override
    public Map<String, Map<SagaState, Long>> countByNameAndState() {
        return read(() -> SagaTables.countByNameAndState(reader));
    }

    @Override
    public Map<SagaState, Long> countByState(String sagaName) {
        return read(() -> SagaTables.countByState(reader, sagaName));
    }

    @Override
    public DueWork dueWork(Collection<String> sagaNames, long now, int cap) {
        return read(() -> SagaTables.dueWork(reader, sagaNames, now, cap));
    }

    @Override
    public Optional<Long> nextWakeAt(Collection<String> sagaNames) {
        return read(() -> SagaTables.nextWakeAt(reader, sagaNames));
    }

    @Override
    public ScheduleRecord registerSchedule(ScheduleRecord wanted, long now) {
        writeLock.lock();
        try {
            return inTransaction(() -> ScheduleTable.register(writer, SqlDialect.SQLITE, wanted, now));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<ScheduleRecord> schedules() {
        return read(() -> ScheduleTable.all(reader));
    }

    @Override
    public TickClaim claimTick(String scheduleName, long expectedLastTick, long tick, StoreWrite.Insert start) {
        writeLock.lock();
        try {
            return inTransaction(() -> ScheduleTable.claimTick(writer, SqlDialect.SQLITE, scheduleName, expectedLastTick, tick, start));
        } catch (SagaStoreException e) {
            throw Database.refusedOrUnknown(e, "SQLite store " + file);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public boolean skipTicks(String scheduleName, long expectedLastTick, long upTo) {
        writeLock.lock();
        try {
            return inTransaction(() -> ScheduleTable.moveLastTick(writer, scheduleName, expectedLastTick, upTo));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            closeQuietly(reader);
            closeQuietly(writer);
            if (nodeLock != null) {
                nodeLock.close();
                nodeLock = null;
            }
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one writer transaction; caller holds the write lock. */
    private <T> T inTransaction(SqlWork<T> work) {
        try (Statement control = writer.createStatement()) {
            // IMMEDIATE: take the write lock when the transaction begins, never upgrade to it halfway.
            control.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                control.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(control, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw new SagaStoreException("SQLite store " + file + ": transaction failed, outcome unknown: "
                    + e.getMessage(), e);
        }
    }

    private static void rollback(Statement control, Exception failure) {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private <T> T read(SqlWork<T> work) {
        readLock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new SagaStoreException("SQLite store " + file + ": read failed: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
