package dev.sagaflow.transport.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Connecting fails within a few seconds, in one line naming the cause, when no Kafka broker is at
 * the bootstrap address: the client alone would retry in the background and leave the first topic
 * creation to time out much later, far from the mistake.
 */
class KafkaConnectFailureTest {
    /** Generous: the point is "seconds, not minutes or never". */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    private static String failureOf(String bootstrap) {
        KafkaTransportException e = assertTimeoutPreemptively(FEW_SECONDS, (ThrowingSupplier<KafkaTransportException>)
                () -> catchThrowableOfType(KafkaTransportException.class,
                        () -> KafkaTransport.builder(bootstrap).connectTimeout(Duration.ofSeconds(3)).build().close()));
        assertThat(e).as("connecting to " + bootstrap + " fails with KafkaTransportException").isNotNull();
        assertThat(e.getMessage()).contains(bootstrap).doesNotContain("\n").doesNotContain("Exception");
        return e.getMessage();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPortNobodyListensOnIsCalledThat() throws IOException {
        int port = closedPort();

        assertThat(failureOf("127.0.0.1:" + port)).contains("nothing listens on 127.0.0.1:" + port);
    }

    @Test
    void everyBootstrapAddressIsTriedBeforeGivingUp() throws IOException {
        int first = closedPort();
        int second = closedPort();

        assertThat(failureOf("127.0.0.1:" + first + ",localhost:" + second))
                .contains("127.0.0.1:" + first).contains("localhost:" + second);
    }

    @Test
    void aHostThatDoesNotResolveIsCalledThat() {
        assertThat(failureOf("no-such-host.invalid:9092")).contains("unknown host no-such-host.invalid");
    }

    @Test
    void aPortThatAcceptsButIsNoKafkaBrokerFailsWithinSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            assertThat(failureOf("127.0.0.1:" + silent.getLocalPort())).contains("did not answer as a Kafka broker");
        }
    }

    @Test
    void aConnectTimeoutMustBePositive() {
        assertThatThrownBy(() -> KafkaTransport.builder("127.0.0.1:9092").connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    }
}
