package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.remote.OrderMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The participant processes a remote demo starts end with it, even when the demo is killed with
 * SIGKILL and runs no shutdown hook: a rerun must not find four strays still consuming its queues.
 */
class ParticipantLifetimeTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the processes' logs
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killStrays() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void participantsStopWhenTheDemoIsKilled() throws Exception {
        Path data = dir.resolve("data");
        ForkedCli demo = ForkedCli.start(dir.resolve("demo.out"), "demo", "--dir", data.toString(),
                "--participants", "remote", "--orders", "500", "--step-delay-ms", "50");
        started.add(demo.process().toHandle());
        await().atMost(Duration.ofMinutes(2)).until(() -> allReady(data) || !demo.process().isAlive());
        assertThat(demo.process().isAlive()).as(demo.log()).isTrue();
        List<ProcessHandle> participants = demo.process().toHandle().children().toList();
        started.addAll(participants);
        assertThat(participants).as("the demo's children").hasSize(OrderMessages.SERVICES.length);

        demo.kill();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(participants.stream().filter(ProcessHandle::isAlive)).as("participants still running").isEmpty());
    }

    private static boolean allReady(Path data) {
        return Stream.of(OrderMessages.SERVICES).map(s -> data.resolve(s + ".log")).allMatch(log -> {
            try {
                return Files.exists(log) && Files.readString(log).contains(" " + ParticipantCommand.READY);
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }
}
