package dev.sagaflow.cli;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaClient;
import dev.sagaflow.examples.approval.ApprovalAudit;
import dev.sagaflow.examples.approval.ApprovalDemo;
import dev.sagaflow.examples.approval.ApprovalPlan;
import dev.sagaflow.examples.approval.BudgetLedger;
import dev.sagaflow.examples.approval.PurchaseRequestSaga;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sagaflow demo approval} in a forked JVM, SIGKILLed at 20 random moments (each after it
 * committed progress of its own: steps, timers firing, signals taken) while requests sleep in their
 * waits, and run again on the same folder each time; then run to the end. Every request must end,
 * consistent with the plan and the budget ledger, no wait taking more than one signal.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ApprovalCrashRecoveryTest {
    private static final int REQUESTS = 100;
    /**
     * Long enough that the unanswered requests (two timeouts, 120 s from their start) outlast the 20
     * kills on a fast machine too: a kill comes 2 to 5 s after its run started (30 s waits let every
     * request end after 13 kills on a quiet machine).
     */
    private static final String TIMEOUT = "60s";
    private static final int KILLS = 20;
    private static final long SEED = 3;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Process demo(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SagaflowCli.class.getName(), "demo", "approval",
                "--dir", dir.resolve("data").toString(), "--requests", String.valueOf(REQUESTS),
                "--manager-timeout", TIMEOUT, "--director-timeout", TIMEOUT, "--seed", String.valueOf(SEED), "--timeout", "3m");
        return new ProcessBuilder(command).redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".err").toFile()))
                .start();
    }

    @Test
    void killedTwentyTimesTheApprovalDemoFinishesEveryRequestConsistent() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        System.out.println("kill points drawn with seed " + seed);
        Path sagas = dir.resolve("data/sagas.db");
        List<Long> endedAtEachKill = new ArrayList<>();
        long durable = 0;
        for (int run = 1; endedAtEachKill.size() < KILLS && run <= KILLS + 10; run++) {
            Process process = demo(dir.resolve("run-" + run + ".out"));
            // Killed once it has committed something of its own (or had 2 s to), then at a random moment
            // up to 1.5 s later: most requests sleep in their waits by then, timers coming due meanwhile.
            long before = durable;
            long started = System.nanoTime();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !process.isAlive() || SqliteCounts.transitions(sagas) > before
                            || System.nanoTime() - started > 2_000_000_000L);
            Thread.sleep(random.nextInt(1_500));
            if (!process.isAlive()) {
                assertThat(process.exitValue()).as("a run that ended before its kill ended well").isZero();
                continue;
            }
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(137);
            long ended = SqliteCounts.ended(sagas);
            durable = SqliteCounts.transitions(sagas);
            assertThat(durable).as("nothing committed is lost").isGreaterThanOrEqualTo(before);
            if (ended < REQUESTS) {
                endedAtEachKill.add(ended);
            }
        }
        System.out.println("requests ended at each of the kills: " + endedAtEachKill);
        assertThat(endedAtEachKill).as("kills that landed while requests were still running").hasSizeGreaterThanOrEqualTo(KILLS);

        Path last = dir.resolve("final.out");
        Process finalRun = demo(last);
        assertThat(finalRun.waitFor(3, TimeUnit.MINUTES)).as("the final run ends").isTrue();
        List<String> output = Files.readAllLines(last);
        assertThat(output).isNotEmpty();
        String reportLine = output.getLast();
        assertThat(finalRun.exitValue()).as(reportLine + "\n" + Files.readString(dir.resolve("final.out.err"))).isZero();
        assertThat(reportLine).contains("\"requests\":" + REQUESTS).contains("\"pending\":0").contains("\"inconsistent\":0");
        System.out.println("final report: " + reportLine);

        checkIndependently(reportLine);
    }

    /** From this JVM: one instance per request, all ended, no wait took two signals, no step applied twice; the audit again. */
    private void checkIndependently(String reportLine) {
        Path data = dir.resolve("data");
        try (SqliteSagaStore store = SqliteSagaStore.open(data.resolve("sagas.db"));
             BudgetLedger ledger = new BudgetLedger(data.resolve("budget.db"), Faults.none(), Duration.ZERO)) {
            List<SagaRecord> all = Histories.all(store);
            assertThat(all).as("one instance per request, none started twice").hasSize(REQUESTS);
            assertThat(all).as("no timer lost: every request ended").allMatch(r -> r.state().isTerminal());
            Histories.assertNoTransitionAppliedTwice(store, all);
            for (SagaRecord row : all) {
                Map<String, Integer> received = new HashMap<>();
                for (HistoryEvent e : store.history(row.id())) {
                    if (e.type() == HistoryEventType.SIGNAL_RECEIVED) {
                        received.merge(e.step(), 1, Integer::sum);
                    }
                }
                assertThat(received.values()).as("signals taken per wait by %s", row.idempotencyKey())
                        .allMatch(n -> n == 1);
            }
            SagaClient client = SagaClient.builder(store).register(PurchaseRequestSaga.forClient()).build();
            ApprovalPlan plan = new ApprovalPlan(SEED, 500);
            ApprovalAudit.Result audit = ApprovalAudit.audit(plan, REQUESTS, ApprovalDemo.outcomes(client, store),
                    ledger.effectsByRequest(), ledger.budgetDiscrepancy());
            assertThat(audit.problems()).isEmpty();
            assertThat(audit.late()).as("most planned answers are applied, not lost to the kills").isLessThan(REQUESTS / 4);
            assertThat(audit.report().toJson()).isEqualTo(reportLine);
            System.out.println("planned answers that came after their wait had timed out: " + audit.late());
        }
    }
}
