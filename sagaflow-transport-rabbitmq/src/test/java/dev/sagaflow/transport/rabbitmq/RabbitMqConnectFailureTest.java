package dev.sagaflow.transport.rabbitmq;

import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A connection that cannot be made ends, within a few seconds, in one line that names the cause a
 * user can act on: the credentials, the virtual host, the port, the host.
 */
class RabbitMqConnectFailureTest {
    /** Generous: the point is "seconds, not minutes or never". */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    private static String failureOf(String uri) {
        RabbitMqTransportException e = assertTimeoutPreemptively(FEW_SECONDS, (ThrowingSupplier<RabbitMqTransportException>)
                () -> catchThrowableOfType(RabbitMqTransportException.class, () -> RabbitMqTransport.connect(uri).close()));
        assertThat(e).as("connecting to " + uri + " fails with RabbitMqTransportException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
        return e.getMessage();
    }

    @Test
    void aWrongPasswordIsCalledThat() {
        try (RabbitMqTestVhost vhost = RabbitMqTestVhost.create()) {
            String message = failureOf(vhost.uri().replace("guest:guest@", "guest:not-the-password@"));

            assertThat(message).contains("127.0.0.1").contains("refused the login").contains("user 'guest'")
                    .doesNotContain("not-the-password");
        }
    }

    @Test
    void aVirtualHostThatDoesNotExistIsNamed() {
        try (RabbitMqTestVhost vhost = RabbitMqTestVhost.create()) {
            String message = failureOf(vhost.uri() + "-missing");

            assertThat(message).contains("virtual host").contains("-missing'").contains("does not exist");
        }
    }

    @Test
    void aPortNobodyListensOnIsCalledThat() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String message = failureOf("amqp://guest:guest@127.0.0.1:" + port);

        assertThat(message).contains("127.0.0.1:" + port).contains("nothing listens");
    }

    @Test
    void aHostThatDoesNotResolveIsCalledThat() {
        String message = failureOf("amqp://guest:guest@no-such-host.invalid:5672");

        assertThat(message).contains("no-such-host.invalid").contains("unknown host");
    }

    @Test
    void aPortWhereSomethingElseListensIsCalledThat() throws Exception {
        // Another service's port (HTTP, say) answers the AMQP greeting with something else and hangs up.
        try (ServerSocket http = new ServerSocket(0)) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket s = http.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the test is over
                }
            });
            String message = failureOf("amqp://guest:guest@127.0.0.1:" + http.getLocalPort());

            assertThat(message).contains("127.0.0.1:" + http.getLocalPort()).contains("not a RabbitMQ");
            server.join();
        }
    }

    @Test
    void aPortThatAcceptsButNeverAnswersFailsWithinSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            String message = failureOf("amqp://guest:guest@127.0.0.1:" + silent.getLocalPort());

            assertThat(message).contains("127.0.0.1:" + silent.getLocalPort()).contains("did not answer");
        }
    }
}
