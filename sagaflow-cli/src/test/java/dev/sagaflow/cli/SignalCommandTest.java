package dev.sagaflow.cli;

import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.examples.approval.ApprovalPlan;
import dev.sagaflow.examples.approval.PurchaseRequest;
import dev.sagaflow.examples.approval.PurchaseRequestSaga;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sagaflow signal} by hand, to a request of a running approval demo (a forked JVM, its
 * timeouts long): on the SQLite file the demo holds, and on PostgreSQL while the demo's node runs.
 * The decision is applied, a repeat is a duplicate, and each kind of bad input gets one clear line.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SignalCommandTest {
    private static final int REQUESTS = 12;
    private static final long SEED = 5;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final List<ForkedCli> demos = new ArrayList<>();
    private PostgresTestDatabase database;

    @AfterEach
    void stop() throws Exception {
        for (ForkedCli demo : demos) {
            if (demo.process().isAlive()) {
                demo.kill();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aDecisionByHandReachesARequestOfADemoThatHoldsTheSqliteFile() throws Exception {
        Path data = dir.resolve("data");
        decideByHand(data.resolve("sagas.db").toString(), data, List.of());
    }

    @Test
    void aDecisionByHandReachesARequestOnPostgresWhileANodeRuns() throws Exception {
        database = PostgresTestDatabase.create();
        decideByHand(database.url(), dir.resolve("data"), List.of("--store", database.url()));
    }

    private void decideByHand(String store, Path data, List<String> storeOption) throws Exception {
        List<String> args = new ArrayList<>(List.of("demo", "approval", "--dir", data.toString(), "--requests",
                String.valueOf(REQUESTS), "--seed", String.valueOf(SEED), "--manager-timeout", "5m", "--director-timeout", "5m"));
        args.addAll(storeOption);
        ForkedCli demo = ForkedCli.start(dir.resolve("demo.log"), args.toArray(String[]::new));
        demos.add(demo);
        ApprovalPlan plan = new ApprovalPlan(SEED, 0);
        int silent = IntStream.rangeClosed(1, REQUESTS).filter(n -> plan.step(n).answer() == ApprovalPlan.Answer.NOBODY)
                .findFirst().orElseThrow(() -> new AssertionError("seed " + SEED + " plans no unanswered request"));
        String key = ApprovalPlan.id(silent);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> waiting(store, key).isPresent() || !demo.process().isAlive());
        assertThat(demo.process().isAlive()).as(demo.log()).isTrue();
        String sagaId = waiting(store, key).orElseThrow().id().value();

        String decision = "{\"approved\":true,\"by\":\"manager\",\"note\":\"approved by hand\"}";
        CliRun sent = CliRun.of("signal", "--store", store, "--key", PurchaseRequestSaga.NAME + ":" + key,
                "--name", PurchaseRequestSaga.MANAGER_SIGNAL, "--payload", decision, "--id", "by-hand-" + key);
        assertThat(sent.status()).as(sent.all()).isZero();
        assertThat(sent.out()).as(sent.all()).startsWith("delivered: signal 'manager-decision' id by-hand-" + key
                + " to saga " + sagaId);

        CliRun again = CliRun.of("signal", "--store", store, "--saga", sagaId, "--name", PurchaseRequestSaga.MANAGER_SIGNAL,
                "--payload", decision, "--id", "by-hand-" + key);
        assertThat(again.status()).as(again.all()).isZero();
        assertThat(again.out()).as(again.all()).startsWith("duplicate: ");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> instance(store, key).state() == SagaState.COMPLETED);
        PurchaseRequest done = instance(store, key).data(PurchaseRequest.class);
        assertThat(done.decision()).isEqualTo(PurchaseRequest.APPROVED);
        assertThat(done.decidedBy()).isEqualTo("manager");

        // Bad input, each in a line, nothing delivered:
        assertRefused(1, "No saga", "signal", "--store", store, "--saga", "no-such-saga", "--name", "manager-decision",
                "--payload", decision);
        assertRefused(2, "awaits no signal named 'approve'", "signal", "--store", store, "--key",
                PurchaseRequestSaga.NAME + ":" + key, "--name", "approve", "--payload", decision);
        assertRefused(1, "has ended (COMPLETED)", "signal", "--store", store, "--key", PurchaseRequestSaga.NAME + ":" + key,
                "--name", "manager-decision", "--payload", decision);
        int other = IntStream.rangeClosed(1, REQUESTS).filter(n -> n != silent).findFirst().orElseThrow();
        assertRefused(1, "approved", "signal", "--store", store, "--key", PurchaseRequestSaga.NAME + ":" + ApprovalPlan.id(other),
                "--name", "director-decision", "--payload", "{\"approved\":\"maybe\"}");
        assertThat(demo.process().isAlive()).as("the demo runs on: " + demo.log()).isTrue();
    }

    private static void assertRefused(int status, String saying, String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.status()).as(run.all()).isEqualTo(status);
        assertThat(run.err()).as(run.all()).contains(saying).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).as(run.all()).isLessThanOrEqualTo(2);
        assertThat(run.out()).as(run.all()).isEmpty();
    }

    private static Optional<SagaInstance> waiting(String store, String key) {
        if (!SagaStores.isPostgres(store) && !java.nio.file.Files.exists(Path.of(store))) {
            return Optional.empty();
        }
        try (SagaStore sagas = SagaStores.open(store)) {
            return client(sagas).findByIdempotencyKey(PurchaseRequestSaga.NAME, key)
                    .filter(i -> i.state() == SagaState.WAITING && PurchaseRequestSaga.MANAGER_STEP.equals(i.currentStep()));
        } catch (RuntimeException e) {
            return Optional.empty(); // the demo has not made the store yet
        }
    }

    private static SagaInstance instance(String store, String key) {
        try (SagaStore sagas = SagaStores.open(store)) {
            return client(sagas).findByIdempotencyKey(PurchaseRequestSaga.NAME, key).orElseThrow();
        }
    }

    private static SagaClient client(SagaStore store) {
        return SagaClient.builder(store).register(PurchaseRequestSaga.forClient()).build();
    }
}
