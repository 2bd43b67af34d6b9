package dev.sagaflow.transport.kafka;

import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;
import dev.sagaflow.transport.kafka.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two transports on one in-process KRaft broker behave as two processes on one cluster. */
class KafkaTransportContractTest extends TransportContract {
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

    @Test
    void aChannelThatCannotBeATopicIsRefusedByName() throws Exception {
        Transport t = transport();
        assertThatThrownBy(() -> t.declare("orders/commands", "g"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel must be a Kafka topic name")
                .hasMessageContaining("'orders/commands'");
    }

    @Override
    protected Transport newTransport() {
        return KafkaTransport.builder(kafka.bootstrapServers()).partitions(4).build();
    }
}
