package dev.sagaflow.opentelemetry;

import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The engine on PostgreSQL, the command and reply through the JDBC-table transport in the same database. */
class RemoteStepOverPostgresJdbcTransportTracingTest extends RemoteStepTracingContract {
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
