package dev.sagaflow.transport.jdbc;

import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Two transports on one SQLite file behave as two processes sharing it. */
class SqliteJdbcTransportContractTest extends TransportContract {
    @TempDir
    Path dir;

    @Override
    protected Transport newTransport() {
        return JdbcTransport.open(dir.resolve("messages.db").toString());
    }
}
