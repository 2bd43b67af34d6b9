package dev.sagaflow.jdbc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.sagaflow.spi.SagaStoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;

/** Creates and upgrades the saga tables with Flyway, in a history table of our own. */
public final class SchemaMigrator {
    private SchemaMigrator() {
    }

    /** Tables of Sagaflow's own sets (store, JDBC transport, participant), which may share a database. */
    private static final java.util.regex.Pattern OURS =
            java.util.regex.Pattern.compile("(?i)(saga_|sagaflow_|transport_|participant_).*");

    public static void migrate(DataSource dataSource, String where) {
        refuseForeignTables(dataSource, where);
        migrate(dataSource, where, "db/sagaflow/common", "sagaflow_schema_history", true, "saga tables");
    }

    /**
     * Refuses a SQLite store path that is a directory, or an existing file that is not a database or
     * holds tables that are not Sagaflow's, before anything writes to it: the look is taken through a
     * read-only connection that sets no pragma, since the store's own connections switch the file to
     * WAL the moment they connect and a refused file must stay exactly as it was. A file that does
     * not exist passes, and nothing is created.
     */
    public static void checkSqliteStoreFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new SagaStoreException("SQLite store path " + file + " is a directory; give a file such as "
                    + file.resolve("sagas.db"), null);
        }
        if (!Files.exists(file)) {
            return;
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        SQLiteDataSource plain = new SQLiteDataSource(readOnly);
        plain.setUrl("jdbc:sqlite:" + file);
        refuseForeignTables(plain, file.toString());
    }

    private static void refuseForeignTables(DataSource dataSource, String where) {
        // A database holding tables that are not Sagaflow's (a ledger, an application's) is refused,
        // not adopted; one holding only the transport's or a participant's tables is shared.
        List<String> foreign = foreignTables(dataSource, where);
        if (!foreign.isEmpty()) {
            throw new SagaStoreException("Could not create or upgrade the saga tables in " + where
                    + ": it holds tables that are not Sagaflow's (" + String.join(", ", foreign.subList(0, Math.min(5,
                    foreign.size()))) + (foreign.size() > 5 ? ", ..." : "") + "); give the saga store a database of its own", null);
        }
    }

    private static List<String> foreignTables(DataSource dataSource, String where) {
        List<String> foreign = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (!OURS.matcher(name).matches()) {
                    foreign.add(name);
                }
            }
        } catch (SQLException e) {
            throw new SagaStoreException("Could not read the tables of " + where + ": " + e.getMessage(), e);
        }
        return foreign;
    }

    /**
     * Creates or upgrades one set of tables, each set with its own Flyway history table so that
     * several can share a database. {@code besideOthers}: the database may already hold tables of
     * other owners (a participant's business tables), which are left alone.
     */
    public static void migrate(DataSource dataSource, String where, String location, String historyTable,
                               boolean besideOthers, String what) {
        try {
            Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:" + location)
                    .table(historyTable)
                    .baselineOnMigrate(besideOthers)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SagaStoreException("Could not create or upgrade the " + what + " in " + where + ": "
                    + e.getMessage(), e);
        }
    }
}
