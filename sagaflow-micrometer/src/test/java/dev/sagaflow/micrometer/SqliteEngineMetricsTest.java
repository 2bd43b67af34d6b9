package dev.sagaflow.micrometer;

import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteEngineMetricsTest extends EngineMetricsContract {
    @TempDir
    Path dir;

    @Override
    SagaStore openStore() {
        return SqliteSagaStore.open(dir.resolve("sagas.db"));
    }
}
