package dev.sagaflow.micrometer;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaStore;

class InMemoryEngineMetricsTest extends EngineMetricsContract {
    @Override
    SagaStore openStore() {
        return new InMemorySagaStore();
    }
}
