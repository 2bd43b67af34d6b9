package dev.sagaflow.transport.jdbc;

import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.RemoteStepsContract;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The engine on PostgreSQL sending commands through the JDBC-table transport in the same database. */
class RemoteStepsOverJdbcTransportTest extends RemoteStepsContract {
    private PostgresTestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Override
    protected Transport newTransport() {
        return JdbcTransport.open(database.url());
    }

    @Override
    protected SagaStore newStore() {
        return PostgresSagaStore.connect(database.url());
    }
}
