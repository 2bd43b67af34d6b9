package dev.sagaflow.transport.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks, when a transport connects, that a Kafka broker answers at the bootstrap address. Kafka's
 * clients connect lazily and retry without end, so a wrong address would otherwise surface only when
 * the first topic creation times out, as a stack trace far from the mistake.
 */
final class BrokerProbe {
    private BrokerProbe() {
    }

    /**
     * A plain TCP connection to each bootstrap address, before any client is made: it names the cause
     * at once (unknown host, nothing listening, unreachable).
     *
     * @return why no address accepted a connection, or {@code null} when one did
     */
    static String unreachable(String bootstrapServers, Duration timeout) {
        List<String> failures = new ArrayList<>();
        for (String address : bootstrapServers.split(",")) {
            String why = tcpFailure(address.strip(), timeout);
            if (why == null) {
                return null;
            }
            failures.add(why);
        }
        return String.join("; ", failures) + ": is Kafka running, is the address right?";
    }

    private static String tcpFailure(String address, Duration timeout) {
        String host = Utils.getHost(address);
        Integer port = Utils.getPort(address);
        if (host == null || port == null) {
            return "'" + address + "' is not HOST:PORT";
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeout.toMillis(), 3_000));
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        } catch (ConnectException e) {
            return "nothing listens on " + address + " (" + e.getMessage() + ")";
        } catch (SocketTimeoutException e) {
            return address + " did not accept a connection in time (unreachable host, or a firewall?)";
        } catch (IOException e) {
            return address + ": " + e.getMessage();
        }
    }

    /**
     * A cluster description through the admin client: proves a Kafka broker is there and that it
     * accepts us (security settings).
     *
     * @return why it did not answer, or {@code null} when it did
     */
    static String notAnswering(Admin admin, Duration timeout) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                    ? notKafka(timeout) : "the broker refused us: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return notKafka(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting";
        }
    }

    private static String notKafka(Duration timeout) {
        return "a bootstrap address accepted the connection but did not answer as a Kafka broker within "
                + timeout.toSeconds() + " s (another service's port? a listener that needs security settings?)";
    }
}
