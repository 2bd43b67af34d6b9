package dev.sagaflow.cli;

import dev.sagaflow.examples.harness.TaskSaga;
import dev.sagaflow.examples.harness.WorkPlan;
import dev.sagaflow.jdbc.SqliteSagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sagaflow demo harness} in a forked JVM, SIGKILLed at 20 random moments (each after it
 * committed a random amount of progress of its own: workers answering, joins deciding, escalations, refunds) and run
 * again on the same folder each time; then run to the end. Every task must end consistent with the
 * plan and the ledger, no worker's child saga started twice, and every task must keep the answer an
 * uninterrupted run with the same seed keeps: a worker's behaviour hangs on its attempt number only,
 * and a crash does not advance it, so the plan decides every task's choice.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HarnessDemoCrashRecoveryTest {
    /** Enough work (about 10 s uninterrupted here) that 20 kills, each after a little progress, land before the end. */
    private static final int TASKS = 800;
    private static final int KILLS = 20;
    private static final long SEED = 7;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private String uninterruptedReport;

    private ForkedCli demo(Path log) throws Exception {
        return ForkedCli.start(log, "demo", "harness", "--dir", dir.resolve("data").toString(), "--tasks",
                String.valueOf(TASKS), "--seed", String.valueOf(SEED), "--timeout", "2m");
    }

    @Test
    void killedTwentyTimesTheHarnessDemoKeepsTheSameAnswersAsAnUninterruptedRun() throws Exception {
        TreeMap<String, String> uninterrupted = uninterruptedChoices();

        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        System.out.println("kill points drawn with seed " + seed);
        Path sagas = dir.resolve("data/sagas.db");
        List<Long> endedAtEachKill = new ArrayList<>();
        long durable = 0;
        for (int run = 1; endedAtEachKill.size() < KILLS && run <= KILLS + 10; run++) {
            ForkedCli process = demo(dir.resolve("run-" + run + ".out"));
            // Killed once it has committed a random amount of progress of its own (200 to 1,600 history
            // entries of the ~26,000 a whole run writes, so the kills spread over the run: mid-start,
            // mid-attempt, mid-join, mid-undo, mid-escalation); a run with less left to do ends on its own.
            long before = durable;
            long target = before + 200 + random.nextInt(1_400);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !process.process().isAlive() || SqliteCounts.transitions(sagas) >= target);
            if (!process.process().isAlive()) {
                assertThat(process.process().exitValue()).as("a run that ended before its kill ended well: "
                        + process.log()).isZero();
                continue;
            }
            process.kill(); // SIGKILL
            assertThat(process.process().exitValue()).as("killed by signal 9").isEqualTo(137);
            durable = SqliteCounts.transitions(sagas);
            assertThat(durable).as("nothing committed is lost").isGreaterThanOrEqualTo(before);
            long ended = SqliteCounts.count(sagas, "SELECT count(*) FROM saga_instance WHERE saga_name = '"
                    + TaskSaga.NAME + "' AND state IN ('COMPLETED', 'FAILED', 'CANCELLED')");
            if (ended < TASKS) {
                endedAtEachKill.add(ended);
            }
        }
        System.out.println("tasks ended at each of the kills: " + endedAtEachKill);
        assertThat(endedAtEachKill).as("kills that landed while tasks were still running").hasSizeGreaterThanOrEqualTo(KILLS);

        Path last = dir.resolve("final.out");
        ForkedCli finalRun = demo(last);
        assertThat(finalRun.process().waitFor(2, TimeUnit.MINUTES)).as("the final run ends").isTrue();
        List<String> output = Files.readAllLines(last);
        String reportLine = output.getLast();
        assertThat(finalRun.process().exitValue()).as(finalRun.log()).isZero();
        assertThat(reportLine).startsWith("{\"tasks\":" + TASKS + ",").contains("\"pending\":0").contains("\"inconsistent\":0");
        System.out.println("final report: " + reportLine);
        assertThat(reportLine).as("the same counts, refunds included, as the run never killed").isEqualTo(uninterruptedReport);

        Path data = dir.resolve("data");
        assertEveryWorkerStartedOnce(data.resolve("sagas.db"));
        assertThat(choices(data.resolve("ledger.db"))).as("each task's answer, as an uninterrupted run keeps it")
                .isEqualTo(uninterrupted);
        try (SqliteSagaStore store = SqliteSagaStore.open(data.resolve("sagas.db"))) {
            Histories.assertNoTransitionAppliedTwice(store, Histories.all(store));
        }
    }

    /** The same seed run once without a kill: what each task answered, and by whom, and its report line. */
    private TreeMap<String, String> uninterruptedChoices() throws Exception {
        Path quiet = dir.resolve("uninterrupted");
        Path log = dir.resolve("uninterrupted.out");
        ForkedCli run = ForkedCli.start(log, "demo", "harness", "--dir", quiet.toString(), "--tasks", String.valueOf(TASKS),
                "--seed", String.valueOf(SEED), "--timeout", "2m");
        assertThat(run.process().waitFor(2, TimeUnit.MINUTES)).as("the uninterrupted run ends").isTrue();
        assertThat(run.process().exitValue()).as(run.log()).isZero();
        uninterruptedReport = Files.readAllLines(log).getLast();
        TreeMap<String, String> choices = choices(quiet.resolve("ledger.db"));
        WorkPlan plan = new WorkPlan(SEED, 0.7);
        for (int n = 1; n <= TASKS; n++) {
            WorkPlan.Choice planned = plan.choice(n);
            assertThat(choices.getOrDefault(WorkPlan.taskId(n), "no answer")).as("task %d as planned", n)
                    .isEqualTo(planned.worker() == null ? "no answer" : planned.worker() + " " + planned.score());
        }
        return choices;
    }

    /** Task to {@code worker score}, from the ledger's answers: failed tasks have none. */
    private static TreeMap<String, String> choices(Path ledger) throws Exception {
        TreeMap<String, String> choices = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT task, worker, score FROM answer")) {
            while (rs.next()) {
                choices.put(rs.getString(1), rs.getString(2) + " " + rs.getDouble(3));
            }
        }
        return choices;
    }

    /** One task row per task and one child row per task and worker: no start repeated under a new key. */
    private static void assertEveryWorkerStartedOnce(Path sagas) {
        assertThat(SqliteCounts.count(sagas, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + TaskSaga.NAME + "'"))
                .isEqualTo(TASKS);
        for (String worker : WorkPlan.WORKERS) {
            String name = TaskSaga.workerSaga(worker);
            assertThat(SqliteCounts.count(sagas, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + name + "'"))
                    .as("child sagas of " + worker).isEqualTo(TASKS);
            assertThat(SqliteCounts.count(sagas, "SELECT count(DISTINCT parent_id) FROM saga_instance WHERE saga_name = '"
                    + name + "'")).as("tasks with a child of " + worker).isEqualTo(TASKS);
        }
        assertThat(SqliteCounts.count(sagas, "SELECT count(*) FROM (SELECT idempotency_key FROM saga_instance "
                + "GROUP BY idempotency_key HAVING count(*) > 1)")).as("keys started twice").isZero();
    }
}
