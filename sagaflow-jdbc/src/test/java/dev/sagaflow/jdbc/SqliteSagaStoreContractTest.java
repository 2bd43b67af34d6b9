package dev.sagaflow.jdbc;

import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteSagaStoreContractTest extends SagaStoreContract {
    @TempDir
    Path dir;

    @Override
    protected SagaStore newStore() {
        return SqliteSagaStore.open(dir.resolve("sagas.db"));
    }
}
