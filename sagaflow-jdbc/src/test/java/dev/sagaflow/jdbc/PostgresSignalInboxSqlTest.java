package dev.sagaflow.jdbc;

import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSignalInboxSqlTest extends SignalInboxSqlTest {
    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    /** Every test starts from empty tables (all but the migration history). */
    @Override
    SagaStore newStore() {
        PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2);
        database.execute("DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables "
                + "WHERE schemaname = current_schema() AND tablename NOT LIKE '%schema_history' "
                + "LOOP EXECUTE 'TRUNCATE ' || quote_ident(t); END LOOP; END $$");
        return store;
    }
}
