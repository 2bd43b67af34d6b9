package dev.sagaflow.opentelemetry;

import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.transport.jdbc.JdbcTransport;

/** The engine on SQLite, the command and reply through the JDBC-table transport in a SQLite file of its own. */
class RemoteStepOverSqliteJdbcTransportTracingTest extends RemoteStepTracingContract {
    @Override
    protected Transport newTransport() {
        return JdbcTransport.open(dir.resolve("messages.db").toString());
    }

    @Override
    protected SagaStore newStore() {
        return SqliteSagaStore.open(dir.resolve("sagas.db"));
    }
}
