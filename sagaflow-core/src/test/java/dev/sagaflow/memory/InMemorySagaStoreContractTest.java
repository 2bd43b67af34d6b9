package dev.sagaflow.memory;

import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreContract;

class InMemorySagaStoreContractTest extends SagaStoreContract {
    @Override
    protected SagaStore newStore() {
        return new InMemorySagaStore();
    }
}
