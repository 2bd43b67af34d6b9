package dev.sagaflow.transport.jdbc;

import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.messaging.RemoteStepsContract;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The engine on SQLite sending commands through the JDBC-table transport in a SQLite file of its own, as the demo does. */
class RemoteStepsOverSqliteJdbcTransportTest extends RemoteStepsContract {
    @TempDir
    Path dir;

    @Override
    protected Transport newTransport() {
        return JdbcTransport.open(dir.resolve("messages.db").toString());
    }

    @Override
    protected SagaStore newStore() {
        return SqliteSagaStore.open(dir.resolve("sagas.db"));
    }
}
