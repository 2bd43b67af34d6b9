package dev.sagaflow.jdbc.waits;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting sagas outlive the node that started them, on PostgreSQL: a node in a JVM of its own starts
 * sagas that wait for a decision and is killed with SIGKILL; signals sent while no node runs are
 * taken when another node starts, and the other waits time out on that node, on time.
 */
class WaitFailoverTest {
    static final int SAGAS = 40;
    static final long TIMEOUT_MILLIS = 4_000;

    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    @Test
    void signalsAndTimeoutsOfAKilledNodesSagasAreTakenByAnother() throws Exception {
        Process doomed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WaitingNodeMain.class.getName(), database.url(),
                String.valueOf(SAGAS), String.valueOf(TIMEOUT_MILLIS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long started = System.currentTimeMillis();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("WAITING " + SAGAS)) {
                assertThat(System.currentTimeMillis() - started).as("the forked node reports its sagas waiting").isLessThan(60_000);
            }
            assertThat(line).isEqualTo("WAITING " + SAGAS);
        }
        doomed.destroyForcibly(); // SIGKILL
        assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();

        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url())) {
            SagaClient client = SagaClient.builder(store).register(ApprovalSagas.definition(Duration.ofMillis(TIMEOUT_MILLIS)))
                    .build();
            List<SagaId> ids = new ArrayList<>();
            for (int i = 0; i < SAGAS; i++) {
                ids.add(client.findByIdempotencyKey(ApprovalSagas.NAME, "r" + i).orElseThrow().id());
            }
            // Half get their decision while no node runs (one of them twice), the other half none.
            for (int i = 0; i < SAGAS; i += 2) {
                client.signal(ids.get(i), "decision", new ApprovalSagas.Decision("approver-" + i), "decision-" + i);
            }
            assertThat(client.signal(ids.get(0), "decision", new ApprovalSagas.Decision("again"), "decision-0").duplicate())
                    .isTrue();

            try (SagaEngine survivor = SagaEngine.builder(store).nodeId("survivor").pollInterval(Duration.ofMillis(50))
                    .register(ApprovalSagas.definition(Duration.ofMillis(TIMEOUT_MILLIS))).build()) {
                for (int i = 0; i < SAGAS; i++) {
                    SagaInstance end = survivor.awaitTermination(ids.get(i), Duration.ofSeconds(30))
                            .orElseThrow(() -> new AssertionError("a saga of the killed node did not end"));
                    List<HistoryEventType> types = end.history().stream().map(HistoryEvent::type).toList();
                    if (i % 2 == 0) {
                        assertThat(end.state()).isEqualTo(SagaState.COMPLETED);
                        assertThat(end.data(ApprovalSagas.Request.class).decidedBy()).isEqualTo("approver-" + i);
                        assertThat(types).containsOnlyOnce(HistoryEventType.SIGNAL_RECEIVED)
                                .doesNotContain(HistoryEventType.SIGNAL_TIMED_OUT);
                    } else {
                        assertThat(end.state()).isEqualTo(SagaState.FAILED);
                        assertThat(types).containsOnlyOnce(HistoryEventType.SIGNAL_TIMED_OUT)
                                .containsOnlyOnce(HistoryEventType.COMPENSATION_SUCCEEDED)
                                .doesNotContain(HistoryEventType.SIGNAL_RECEIVED);
                        Instant waitStarted = at(end, HistoryEventType.WAIT_STARTED);
                        Instant timedOut = at(end, HistoryEventType.SIGNAL_TIMED_OUT);
                        assertThat(Duration.between(waitStarted, timedOut).toMillis())
                                .as("the timeout fired on time on the other node")
                                .isBetween(TIMEOUT_MILLIS, TIMEOUT_MILLIS + 3_000);
                    }
                }
            }
        }
    }

    private static Instant at(SagaInstance instance, HistoryEventType type) {
        return instance.history().stream().filter(e -> e.type() == type).findFirst().orElseThrow().at();
    }
}
