package dev.sagaflow.transport.jdbc;

import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transport's tables and the saga store's share one database, whichever is opened first. */
class TransportBesideTheStoreTest {
    @TempDir
    Path dir;

    @Test
    void onPostgresTheStoreOpensWhereTheTransportCameFirst() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            try (Transport transport = JdbcTransport.open(database.url());
                 SagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
                assertThat(store.countByState("anything")).isEmpty();
            }
        }
    }

    @Test
    void onSqliteTheStoreOpensWhereTheTransportCameFirst() {
        Path file = dir.resolve("shared.db");
        try (Transport transport = JdbcTransport.open(file.toString());
             SagaStore store = SqliteSagaStore.open(file)) {
            assertThat(store.countByState("anything")).isEmpty();
        }
    }

    @Test
    void aDatabaseHoldingSomebodyElsesTablesIsStillRefused() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE reservation (id TEXT PRIMARY KEY)");
        }
        assertThatThrownBy(() -> SqliteSagaStore.open(file).close())
                .hasMessageContaining("Could not create or upgrade the saga tables")
                .hasMessageContaining("reservation");
    }
}
