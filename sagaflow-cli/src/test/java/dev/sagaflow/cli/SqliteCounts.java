package dev.sagaflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts read from a SQLite file that a process of its own is writing (WAL: a reader never blocks
 * it), to see where a run stands before it is killed. No store is opened: opening one would migrate
 * or free leases.
 */
final class SqliteCounts {
    private SqliteCounts() {
    }

    /** The single number a query returns; 0 while the file or its table does not exist yet. */
    static long count(Path file, String sql) {
        return count(file, sql, 5_000);
    }

    /**
     * As {@link #count(Path, String)}, waiting at most {@code busyMillis} for a lock: a process stopped
     * (SIGSTOP) in the middle of a commit or checkpoint holds its locks until it runs again.
     */
    static long count(Path file, String sql, int busyMillis) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + busyMillis);
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return 0;
            }
            throw new IllegalStateException(file + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Transitions recorded so far: rows of the history, which only grows. */
    static long transitions(Path store) {
        return count(store, "SELECT count(*) FROM saga_history");
    }

    /** Instances in a terminal state. */
    static long ended(Path store) {
        return count(store, "SELECT count(*) FROM saga_instance WHERE state IN ('COMPLETED', 'FAILED', 'CANCELLED')");
    }

    /** Commands committed with their transition and not yet deleted by the relay (sent or not). */
    static long outbox(Path store) {
        return count(store, "SELECT count(*) FROM saga_outbox");
    }
}
