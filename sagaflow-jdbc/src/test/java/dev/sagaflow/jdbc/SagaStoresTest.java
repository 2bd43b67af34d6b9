package dev.sagaflow.jdbc;

import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a user types as a store: a value that looks like a URL but is not one of the two we speak is
 * refused, never taken for a SQLite file named after it; a SQLite file that is refused stays as it was.
 */
class SagaStoresTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jbdc:postgresql://127.0.0.1:5432/db?user=u&password=secret",
            "postgres://u:secret@127.0.0.1/db", "postgresql://127.0.0.1/db", "jdbc:mysql://127.0.0.1/db",
            "JDBC:POSTGRESQL://127.0.0.1/db", "sqlite:sagas.db", "file:/tmp/sagas.db", "jdbc:sqlite:",
            "jdbc:sqlite::memory:", "jdbc:sqlite:file:sagas.db?mode=memory", "mem:"})
    void aValueWithASchemeOtherThanOursIsRefusedAndCreatesNothing(String value) throws Exception {
        // Relative values land under the working directory when mistaken for a path: look there too.
        String stem = value.substring(0, value.indexOf(':'));
        assertThat(Path.of(stem + ":")).doesNotExist();

        assertThatThrownBy(() -> SagaStores.open(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store")
                .hasMessageContaining(stem)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Database.open(value, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");

        assertThat(Path.of(stem + ":")).doesNotExist();
        String rest = value.replace("jdbc:sqlite:", "");
        if (!rest.isEmpty()) {
            assertThat(Path.of(rest)).doesNotExist();
        }
    }

    @Test
    void aMisspelledPostgresUrlGetsTheRightSpellingSuggested() {
        assertThatThrownBy(() -> SagaStores.open("jbdc:postgresql://db.example:5432/orders"))
                .hasMessageContaining("jdbc:postgresql://db.example:5432/orders");
        assertThatThrownBy(() -> SagaStores.open("postgres://db.example/orders"))
                .hasMessageContaining("jdbc:postgresql://db.example/orders");
        assertThatThrownBy(() -> SagaStores.open("postgres://u:secret@db.example:5432/orders?ssl=true"))
                .hasMessageContaining("jdbc:postgresql://db.example:5432/orders?ssl=true&user=u&password=***")
                .hasMessageNotContaining("secret");
    }

    @Test
    void plainPathsAndJdbcSqliteUrlsAreSqliteFiles() throws Exception {
        try (SagaStore a = SagaStores.open(dir.resolve("a/sagas.db").toString());
             SagaStore b = SagaStores.open("jdbc:sqlite:" + dir.resolve("b.db"));
             SagaStore c = SagaStores.open(dir.resolve("with:colon/c.db").toString())) {
            assertThat(a).isInstanceOf(SqliteSagaStore.class);
            assertThat(b).isInstanceOf(SqliteSagaStore.class);
            assertThat(c).isInstanceOf(SqliteSagaStore.class);
        }
        assertThat(dir.resolve("a/sagas.db")).exists();
        assertThat(dir.resolve("b.db")).exists();
        assertThat(dir.resolve("with:colon/c.db")).exists();
    }

    @Test
    void aSqliteFileHoldingOtherTablesIsRefusedAndLeftByteForByte() throws Exception {
        Path ledger = dir.resolve("ledger.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE payment (id TEXT PRIMARY KEY, amount INTEGER)");
            s.execute("INSERT INTO payment VALUES ('p-1', 42)");
        }
        byte[] before = Files.readAllBytes(ledger);

        assertThatThrownBy(() -> SagaStores.open(ledger.toString()))
                .isInstanceOf(SagaStoreException.class)
                .hasMessageContaining(ledger.toString())
                .hasMessageContaining("payment");
        assertThatThrownBy(() -> SagaStores.check(ledger.toString()))
                .isInstanceOf(SagaStoreException.class)
                .hasMessageContaining("payment");

        assertThat(Files.readAllBytes(ledger)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(ledger);
        }
    }

    @Test
    void checkingAStoreCreatesNothing() {
        Path file = dir.resolve("not/yet/sagas.db");

        SagaStores.check(file.toString());
        SagaStores.check("jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThat(dir.resolve("not")).doesNotExist();
        assertThatThrownBy(() -> SagaStores.check(dir.toString()))
                .isInstanceOf(SagaStoreException.class)
                .hasMessageContaining("is a directory");
    }
}
