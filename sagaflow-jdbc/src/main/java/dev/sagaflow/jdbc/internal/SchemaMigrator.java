package dev.sagaflow.jdbc.internal;

import dev.sagaflow.spi.SagaStoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/** Creates and upgrades the saga tables with Flyway, in a history table of our own. */
public final class SchemaMigrator {
    private SchemaMigrator() {
    }

    public static void migrate(DataSource dataSource, String where) {
        // An existing database that is not ours is refused, not adopted.
        migrate(dataSource, where, "db/sagaflow/common", "sagaflow_schema_history", false, "saga tables");
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
