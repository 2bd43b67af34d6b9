package dev.sagaflow.cli;

import dev.sagaflow.transport.rabbitmq.testing.RabbitMqTestVhost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A remote demo that cannot reach its broker or its participants ends, within seconds, in one line
 * that says why, with no stack trace and a non-zero exit; it never waits silently.
 */
class RemoteSetupTest {
    /** Generous: the point is "seconds, not minutes or never". */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<ForkedCli> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (ForkedCli p : processes) {
            p.kill();
        }
    }

    private CliRun failing(Duration within, String... args) {
        CliRun run = assertTimeoutPreemptively(within, (ThrowingSupplier<CliRun>) () -> CliRun.of(args));
        assertThat(run.status()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).as(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(l -> l.startsWith("sagaflow ")).count()).as(run.all()).isEqualTo(1);
        return run;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aKafkaBrokerThatIsNotThereIsNamedWithinSeconds() throws Exception {
        int port = closedPort();
        CliRun demo = failing(FEW_SECONDS, "demo", "--dir", dir.toString(), "--participants", "remote",
                "--transport", "kafka", "--broker", "127.0.0.1:" + port);
        CliRun participant = failing(FEW_SECONDS, "participant", "--service", "inventory", "--dir", dir.toString(),
                "--transport", "kafka", "--broker", "127.0.0.1:" + port);

        for (CliRun run : List.of(demo, participant)) {
            assertThat(run.err()).as(run.all()).contains("Kafka at 127.0.0.1:" + port).contains("nothing listens");
        }
    }

    @Test
    void rabbitMqCredentialsVirtualHostAndPortAreNamed() throws Exception {
        try (RabbitMqTestVhost vhost = RabbitMqTestVhost.create()) {
            String uri = vhost.uri();
            assertThat(failing(FEW_SECONDS, "demo", "--dir", dir.toString(), "--participants", "remote",
                    "--transport", "rabbitmq", "--broker", uri.replace("guest:guest@", "guest:wrong@")).err())
                    .contains("refused the login of user 'guest'");
            assertThat(failing(FEW_SECONDS, "participant", "--service", "payments", "--dir", dir.toString(),
                    "--transport", "rabbitmq", "--broker", uri + "-nope").err())
                    .contains("virtual host").contains("does not exist");
            int port = closedPort();
            assertThat(failing(FEW_SECONDS, "demo", "--dir", dir.toString(), "--participants", "remote",
                    "--transport", "rabbitmq", "--broker", "amqp://guest:guest@127.0.0.1:" + port).err())
                    .contains("nothing listens on 127.0.0.1:" + port);
        }
    }

    @Test
    void externalParticipantsThatDoNotAnswerAreNamed() throws Exception {
        Path data = dir.resolve("data");
        // One participant runs, in the other mode: it answers, the three others do not.
        ForkedCli inventory = ForkedCli.start(dir.resolve("inventory.out"), "participant", "--service", "inventory",
                "--dir", data.toString(), "--mode", "choreography");
        processes.add(inventory);
        await().atMost(Duration.ofSeconds(90)).until(() -> inventory.log().contains(" ready") || !inventory.process().isAlive());
        assertThat(inventory.process().isAlive()).as(inventory.log()).isTrue();

        CliRun run = failing(Duration.ofSeconds(60), "demo", "--dir", data.toString(), "--orders", "3",
                "--participants", "remote", "--external-participants", "--presence-wait", "8s");

        assertThat(run.err()).contains("no participant process answered for payments, shipping, notifications within 8 s")
                .contains("participant inventory runs in choreography mode, this demo in orchestration")
                .contains("sagaflow participant --service NAME --dir " + data);
    }
}
