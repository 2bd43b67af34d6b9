package dev.sagaflow.transport.rabbitmq;

import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;
import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two transports on one virtual host of the machine's RabbitMQ behave as two processes on one broker. */
class RabbitMqTransportContractTest extends TransportContract {
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

    @Test
    void aUriThatIsNotAmqpIsRefusedByName() {
        assertThatThrownBy(() -> RabbitMqTransport.connect("http://guest:secret@127.0.0.1:5672/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RabbitMQ URI must be amqp://")
                .hasMessageNotContaining("secret");
    }

    @Override
    protected Transport newTransport() {
        return RabbitMqTransport.connect(vhost.uri());
    }
}
