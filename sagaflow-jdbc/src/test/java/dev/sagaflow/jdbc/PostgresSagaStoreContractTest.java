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

    @Override
    protected SagaStore newStore() {
        PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2);
        database.execute("TRUNCATE saga_instance, saga_history");
        return store;
    }
}
