package dev.sagaflow.jdbc;

import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteSignalInboxSqlTest extends SignalInboxSqlTest {
    @TempDir
    Path dir;

    @Override
    SagaStore newStore() {
        return SqliteSagaStore.open(dir.resolve("sagas.db"));
    }
}
