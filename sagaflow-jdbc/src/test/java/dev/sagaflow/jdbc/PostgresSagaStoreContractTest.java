package dev.sagaflow.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreContract;

class PostgresSagaStoreContractTest extends SagaStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    /** Every test starts from empty tables: all of the schema's but the migration history, whatever a migration adds (the outbox too). */
    @Override
    protected SagaStore newStore() {
        PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2);
        database.execute("DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables "
                + "WHERE schemaname = current_schema() AND tablename NOT LIKE '%schema_history' "
                + "LOOP EXECUTE 'TRUNCATE ' || quote_ident(t); END LOOP; END $$");
        return store;
    }
}
