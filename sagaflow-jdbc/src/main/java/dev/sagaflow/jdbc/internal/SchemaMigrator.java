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
        try {
            Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/sagaflow/common")
                    .table("sagaflow_schema_history")
                    // An existing database that is not ours is refused, not adopted.
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SagaStoreException("Could not create or upgrade the saga tables in " + where + ": "
                    + e.getMessage(), e);
        }
    }
}
