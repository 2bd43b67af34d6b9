package dev.sagaflow.transport.kafka;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.messaging.RemoteStepsContract;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.transport.kafka.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine sending commands to a participant through an in-process KRaft broker. */
class RemoteStepsOverKafkaTest extends RemoteStepsContract {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected Transport newTransport() {
        return KafkaTransport.builder(kafka.bootstrapServers()).partitions(4).build();
    }

    @Override
    protected SagaStore newStore() {
        return new InMemorySagaStore();
    }
}
