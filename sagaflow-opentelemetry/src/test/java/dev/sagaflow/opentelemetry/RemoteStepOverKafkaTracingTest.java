package dev.sagaflow.opentelemetry;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.transport.kafka.KafkaTransport;
import dev.sagaflow.transport.kafka.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The command and reply through a KRaft broker in the test JVM, as Kafka records with the trace in their headers. */
class RemoteStepOverKafkaTracingTest extends RemoteStepTracingContract {
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
        return KafkaTransport.builder(kafka.bootstrapServers()).partitions(2).build();
    }

    @Override
    protected SagaStore newStore() {
        return new InMemorySagaStore();
    }
}
