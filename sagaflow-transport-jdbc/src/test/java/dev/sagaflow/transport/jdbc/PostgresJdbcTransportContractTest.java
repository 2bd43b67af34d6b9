package dev.sagaflow.transport.jdbc;

import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresJdbcTransportContractTest extends TransportContract {
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
    protected Transport newTransport() {
        return JdbcTransport.open(database.url());
    }
}
