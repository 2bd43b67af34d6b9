package dev.sagaflow.transport.rabbitmq;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.messaging.RemoteStepsContract;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine sending commands to a participant through the machine's RabbitMQ. */
class RemoteStepsOverRabbitMqTest extends RemoteStepsContract {
    private static RabbitMqTestVhost vhost;

    @BeforeAll
    static void createVhost() {
        vhost = RabbitMqTestVhost.create();
    }

    @AfterAll
    static void deleteVhost() {
        if (vhost != null) {
            vhost.close();
        }
    }

    @Override
    protected Transport newTransport() {
        return RabbitMqTransport.connect(vhost.uri());
    }

    @Override
    protected SagaStore newStore() {
        return new InMemorySagaStore();
    }
}
