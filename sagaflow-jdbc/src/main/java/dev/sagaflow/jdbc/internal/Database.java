package dev.sagaflow.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.WriteRefusedException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A database for Sagaflow's own tables beside the store (the JDBC transport, a participant's inbox
 * and outbox): a SQLite file that several processes may share, or a pooled PostgreSQL. Work runs in
 * one transaction per call.
 */
public abstract class Database implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public abstract <T> T inTransaction(Work<T> work) throws SQLException;

    public abstract boolean isPostgres();

    /** For the JDBC URL of {@code LISTEN}, on PostgreSQL. */
    public abstract String url();

    /** What to print: the URL without a password, or the file. */
    public abstract String where();

    /** A data source for migrations (Flyway holds two connections at once; give it its own). */
    public abstract DataSource migrationSource();

    /** The SQL that differs between SQLite and PostgreSQL (row locks, {@code SKIP LOCKED}). */
    public SqlDialect dialect() {
        return isPostgres() ? SqlDialect.POSTGRES : SqlDialect.SQLITE;
    }

    @Override
    public abstract void close();

    /**
     * A {@code jdbc:postgresql:} URL, or else a SQLite file path (or {@code jdbc:sqlite:} URL).
     *
     * @throws IllegalArgumentException for any other URL, before anything is created
     */
    public static Database open(String urlOrPath, int poolSize) {
        return switch (DatabaseLocation.parse(urlOrPath, "database")) {
            case DatabaseLocation.Postgres postgres -> new Postgres(postgres.url(), poolSize);
            case DatabaseLocation.Sqlite sqlite -> new Sqlite(sqlite.file());
        };
    }

    /**
     * Longest a PostgreSQL session may sit in an open transaction between statements. Ours last
     * milliseconds; a process frozen mid-transaction (SIGSTOP, a long GC pause, a hung handler) would
     * otherwise keep its row locks, and {@code SKIP LOCKED} claims would pass those rows by forever,
     * however long ago its lease ran out. The server ends such a session and its locks go with it.
     */
    public static final java.time.Duration IDLE_IN_TRANSACTION_LIMIT = java.time.Duration.ofSeconds(10);

    public static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        // 08: connection exception; 57P01..57P03: the server is shutting down or ended this backend;
        // 25P03: the session was idle in a transaction past the limit and was ended.
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("25P03"));
    }

    /**
     * Whether the database refused a statement for the values it was given (PostgreSQL's classes 22,
     * data exception, and 23, integrity constraint violation; SQLite's TOOBIG, CONSTRAINT and
     * MISMATCH): writing the same values again fails again, unlike a lost connection or a deadlock.
     */
    public static boolean isRefusedForContent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException() == s ? null : s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                    int primary = s.getErrorCode() & 0xFF;
                    if (s instanceof SQLiteException && (primary == 18 || primary == 19 || primary == 20)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A failed write as its caller must see it: a {@link WriteRefusedException} when the database
     * refused its values (see {@link #isRefusedForContent}), which rolled it back, or {@code e} as it is.
     */
    public static SagaStoreException refusedOrUnknown(SagaStoreException e, String store) {
        if (!isRefusedForContent(e)) {
            return e;
        }
        return new WriteRefusedException(store + " refused the write: " + rootMessage(e.getCause())
                + " (nothing of it committed)", e.getCause());
    }

    /** The message of {@code e} and of its root cause, which is often the one that explains. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
    }

    /** The URL without a password ({@code password=} or {@code //user:password@}), for messages and logs. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@");
    }

    private static final class Sqlite extends Database {
        private final Path file;
        private final Connection connection;
        private final ReentrantLock lock = new ReentrantLock();

        Sqlite(Path file) {
            this.file = file.toAbsolutePath().normalize();
            if (Files.isDirectory(this.file)) {
                throw new SagaStoreException("SQLite path " + this.file + " is a directory; give a file");
            }
            try {
                Files.createDirectories(this.file.getParent());
                this.connection = migrationSource().getConnection();
            } catch (IOException | SQLException e) {
                throw new SagaStoreException("Cannot open SQLite database " + this.file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public <T> T inTransaction(Work<T> work) throws SQLException {
            lock.lock();
            try (Statement control = connection.createStatement()) {
                // Other processes share the file: take the write lock at BEGIN, never halfway.
                control.execute("BEGIN IMMEDIATE");
                try {
                    T result = work.run(connection);
                    control.execute("COMMIT");
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        control.execute("ROLLBACK");
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isPostgres() {
            return false;
        }

        @Override
        public String url() {
            return "jdbc:sqlite:" + file;
        }

        @Override
        public String where() {
            return file.toString();
        }

        @Override
        public DataSource migrationSource() {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(30_000);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl(url());
            return source;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class Postgres extends Database {
        private final String url;
        private final HikariDataSource pool;

        Postgres(String url, int poolSize) {
            this.url = url;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(poolSize);
            config.setAutoCommit(false);
            config.setPoolName("sagaflow");
            // A database that is down fails calls within seconds; callers retry them.
            config.setConnectionTimeout(5_000);
            config.setInitializationFailTimeout(2_000);
            config.setConnectionInitSql("SET idle_in_transaction_session_timeout = "
                    + IDLE_IN_TRANSACTION_LIMIT.toMillis());
            try {
                this.pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new SagaStoreException("Cannot connect to PostgreSQL " + where() + ": " + rootMessage(e), e);
            }
        }

        @Override
        public <T> T inTransaction(Work<T> work) throws SQLException {
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
            } catch (SQLException e) {
                if (isConnectionLost(e)) {
                    // The pool's other idle connections most likely died with this one and, if used
                    // within the last half second, Hikari would hand them out unchecked.
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
                throw e;
            }
        }

        @Override
        public boolean isPostgres() {
            return true;
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public String where() {
            return redact(url);
        }

        @Override
        public DataSource migrationSource() {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(url);
            return source;
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
