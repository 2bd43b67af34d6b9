package dev.sagaflow.transport.jdbc;

import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

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
