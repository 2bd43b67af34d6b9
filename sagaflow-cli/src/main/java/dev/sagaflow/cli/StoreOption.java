package dev.sagaflow.cli;

import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.spi.SagaStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the store an operator's command names (--store): a {@code jdbc:postgresql:} URL, or a SQLite
 * file that must exist already (a client never makes a store), one a running node or demo may hold.
 * A value that is no store, or a SQLite file that is not a Sagaflow store, is refused before anything
 * is opened or changed, and the file is left as it was.
 */
final class StoreOption {
    private StoreOption() {
    }

    /** A client's store: it takes no node lock, so it works beside the node that holds a SQLite file. */
    static SagaStore openExisting(String store) {
        SagaStores.check(store); // a value that is no store is refused before anything is opened or made
        if (!SagaStores.isPostgres(store)) {
            Path file = Path.of(store.startsWith("jdbc:sqlite:") ? store.substring("jdbc:sqlite:".length()) : store);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--store " + file.toAbsolutePath() + " does not exist: give the "
                        + "SQLite file of a store (DIR/sagas.db of a demo) or a jdbc:postgresql: URL");
            }
            requireSagaTables("jdbc:sqlite:" + file.toAbsolutePath(), file.toAbsolutePath().toString(), true);
        } else {
            requireSagaTables(store, Database.redact(store), false);
        }
        return SagaStores.open(store);
    }

    /**
     * A store that a node has made: an operator's command reads and asks, it never creates the saga
     * tables (an empty file or database stays as it was). Looked at read-only before the store opens.
     */
    private static void requireSagaTables(String jdbcUrl, String shown, boolean sqlite) {
        Properties readOnly = new Properties();
        if (sqlite) {
            readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: not even a journal is made
        }
        String query = sqlite ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sagaflow_schema_history'"
                : "SELECT 1 FROM information_schema.tables WHERE table_name = 'sagaflow_schema_history' "
                + "AND table_schema = current_schema()";
        try (Connection c = DriverManager.getConnection(jdbcUrl, readOnly);
             ResultSet found = c.createStatement().executeQuery(query)) {
            if (!found.next()) {
                throw new IllegalArgumentException("--store " + shown + " is not a Sagaflow store (it has no saga "
                        + "tables; a node makes them): give the store of a demo or node (DIR/sagas.db) or its jdbc:postgresql: URL");
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("--store " + shown + " cannot be read as a store: " + e.getMessage(), e);
        }
    }
}
