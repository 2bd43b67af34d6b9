package dev.sagaflow.transport.rabbitmq.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A virtual host of its own on the machine's RabbitMQ (127.0.0.1:5672, guest/guest) for one test
 * class, made and removed with {@code rabbitmqctl}, so no run sees another's queues. When the
 * broker is not there, the test fails under {@code CI=true} and is skipped, saying why, elsewhere.
 */
public final class RabbitMqTestVhost implements AutoCloseable {
    private static final String HOST = System.getenv().getOrDefault("SAGAFLOW_TEST_AMQP_HOST", "127.0.0.1:5672");

    private final String name;

    private RabbitMqTestVhost(String name) {
        this.name = name;
    }

    public static RabbitMqTestVhost create() {
        String name = "sagaflow-test-" + UUID.randomUUID().toString().substring(0, 12);
        try {
            rabbitmqctl("add_vhost", name);
            rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        } catch (IllegalStateException e) {
            String why = "RabbitMQ is not reachable through rabbitmqctl (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + "; CI must have it (.ci/run starts it)");
            }
            Assumptions.abort(why + "; skipping. Start it with `rabbitmq-server -detached`.");
        }
        return new RabbitMqTestVhost(name);
    }

    /** The AMQP URI of this virtual host. */
    public String uri() {
        return "amqp://guest:guest@" + HOST + "/" + name;
    }

    /**
     * Stops the RabbitMQ server (the whole Erlang node, {@code rabbitmqctl stop}) and starts it again
     * ({@code rabbitmq-server -detached}), as an operator's restart would; returns once it takes
     * connections again. Whatever happens, it tries to leave the server running for the tests after.
     */
    public static void restartServer() {
        try {
            rabbitmqctl("stop");
        } finally {
            startServer();
        }
    }

    private static void startServer() {
        try {
            Process start = new ProcessBuilder("rabbitmq-server", "-detached").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            start.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmq-server -detached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting RabbitMQ", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                // Until the node has registered, await_startup fails at once rather than waiting.
                rabbitmqctl("await_startup", "--timeout", "30");
                return;
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    @Override
    public void close() {
        rabbitmqctl("delete_vhost", name);
    }

    public static String rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }
}
