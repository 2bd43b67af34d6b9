package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.DemoReport;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.LedgerAudit;
import dev.sagaflow.examples.orders.Participants;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
 * The demo, exactly as {@code bin/sagaflow demo} runs it, in a forked JVM killed with SIGKILL at
 * random moments, each after it committed progress of its own, and restarted on the same folder
 * each time; then run to the end. Every order must end consistent across the four ledgers, none started twice, no effect and no transition applied twice.
 */
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES) // 20 kills, then a run of up to 4 minutes
class CrashRecoveryTest {
    private static final int ORDERS = 1_500;
    private static final int KILLS = 20;
    private static final double FAILURE_RATE = 0.2;
    /** Transitions a run commits before its kill, at most: 20 runs use about a third of the ~15,000 of the whole demo. */
    private static final int PROGRESS_PER_RUN = 500;

    @TempDir
    Path dir;

    private Process demo(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SagaflowCli.class.getName(), "demo",
                "--dir", dir.resolve("data").toString(), "--orders", String.valueOf(ORDERS), "--failure-rate", Double.toString(FAILURE_RATE),
                // Slow participants (256 calls at once, a second each) stretch the work over all the kills.
                "--step-delay-ms", "1000");
        return new ProcessBuilder(command)
                .redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".err").toFile()))
                .start();
    }

    @Test
    void killedTwentyTimesTheDemoStillEndsWithEveryOrderConsistent() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        System.out.println("kill points drawn with seed " + seed);
        Path sagas = dir.resolve("data/sagas.db");
        List<Long> endedAtEachKill = new ArrayList<>();
        List<Long> transitionsAtEachKill = new ArrayList<>();
        long durable = 0; // transitions committed when the previous process died
        for (int run = 1; endedAtEachKill.size() < KILLS && run <= KILLS + 10; run++) {
            Process process = demo(dir.resolve("run-" + run + ".out"));
            // Each kill waits for this process to commit transitions of its own: a run that died
            // while still opening the store would prove nothing about a crash mid-run.
            long target = durable + 1 + random.nextInt(PROGRESS_PER_RUN);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !process.isAlive() || SqliteCounts.transitions(sagas) >= target);
            if (!process.isAlive()) {
                assertThat(process.exitValue()).as("a run that ended before its kill ended well").isZero();
                continue; // it finished before this kill: later kills hit the restart path instead
            }
            long seen = SqliteCounts.transitions(sagas);
            assertThat(seen).as("progress since the previous kill").isGreaterThan(durable);
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful close
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(137);
            long ended = SqliteCounts.ended(sagas);
            durable = SqliteCounts.transitions(sagas);
            assertThat(durable).as("what the process was seen to commit survives its kill").isGreaterThanOrEqualTo(seen);
            assertThat(ended).as("the kill landed mid-run").isLessThan(ORDERS);
            endedAtEachKill.add(ended);
            transitionsAtEachKill.add(durable);
        }
        System.out.println("orders ended at each of the kills: " + endedAtEachKill);
        System.out.println("transitions recorded at each of the kills: " + transitionsAtEachKill);
        assertThat(endedAtEachKill).as("kills that landed while the demo was running").hasSizeGreaterThanOrEqualTo(KILLS);
        assertThat(transitionsAtEachKill).as("every kill came after progress since the one before").isSorted()
                .doesNotHaveDuplicates();

        Path last = dir.resolve("final.out");
        Process finalRun = demo(last);
        assertThat(finalRun.waitFor(4, TimeUnit.MINUTES)).as("the final run ends").isTrue();
        List<String> output = Files.readAllLines(last);
        assertThat(output).isNotEmpty();
        String reportLine = output.getLast();
        assertThat(finalRun.exitValue()).as(reportLine + "\n" + Files.readString(dir.resolve("final.out.err"))).isZero();
        assertThat(reportLine).contains("\"orders\":" + ORDERS).contains("\"pending\":0").contains("\"inconsistent\":0");

        checkIndependently(reportLine);
    }

    /**
     * Reads the store and the ledgers from this JVM: every order in plain SQL against the order book
     * ({@link OrderLedgers}), then the audit again, whose report must be the one the demo printed.
     */
    private void checkIndependently(String reportLine) {
        Path data = dir.resolve("data");
        Map<String, SagaState> states = new HashMap<>();
        try (SqliteSagaStore store = SqliteSagaStore.open(data.resolve("sagas.db"))) {
            List<SagaRecord> all = Histories.all(store);
            assertThat(all).as("one instance per order, none started twice").hasSize(ORDERS);
            all.forEach(row -> states.put(row.idempotencyKey(), row.state()));
            Histories.assertNoTransitionAppliedTwice(store, all);
            OrderLedgers.assertEveryOrderAsIntended(data, all, SagaRecord::idempotencyKey, ORDERS, FAILURE_RATE);
        }
        try (Participants participants = Participants.open(data, Faults.none(), Duration.ZERO)) {
            LedgerAudit.Result audit = new LedgerAudit(participants).audit(ORDERS, states);
            assertThat(audit.problems()).isEmpty();
            DemoReport report = audit.report();
            assertThat(report.pending()).isZero();
            assertThat(report.inconsistent()).isZero();
            assertThat(reportLine).isEqualTo(report.toJson());
            assertThat(participants.inventory().stockDiscrepancies()).isEmpty();
        }
    }

}
