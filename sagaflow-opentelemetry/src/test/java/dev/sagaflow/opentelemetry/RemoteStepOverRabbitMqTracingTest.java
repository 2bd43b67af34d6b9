package dev.sagaflow.opentelemetry;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.transport.rabbitmq.RabbitMqTransport;
import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The command and reply through the machine's RabbitMQ, in a virtual host of the test's own. */
class RemoteStepOverRabbitMqTracingTest extends RemoteStepTracingContract {
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
