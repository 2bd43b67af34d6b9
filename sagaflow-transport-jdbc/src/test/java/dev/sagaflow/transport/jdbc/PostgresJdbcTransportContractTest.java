package dev.sagaflow.transport.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;
import org.junit.jupiter.api.BeforeEach;

class PostgresJdbcTransportContractTest extends TransportContract {
    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    /** Every test starts from empty transport tables, not only channels of its own. */
    @BeforeEach
    void emptyTables() {
        JdbcTransport.open(database.url()).close();
        database.execute("TRUNCATE transport_message, transport_subscription");
    }

    @Override
    protected Transport newTransport() {
        return JdbcTransport.open(database.url());
    }
}
