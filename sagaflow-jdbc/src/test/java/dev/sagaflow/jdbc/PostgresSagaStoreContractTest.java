package dev.sagaflow.jdbc;

import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresSagaStoreContractTest extends SagaStoreContract {
    private static PostgresTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

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
