package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.DemoReport;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.LedgerAudit;
import dev.sagaflow.examples.orders.OrderFulfilmentSaga;
import dev.sagaflow.examples.orders.Participants;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo, exactly as {@code bin/sagaflow demo} runs it, in a forked JVM killed with SIGKILL at
 * random moments and restarted on the same folder each time; then run to the end. Every order must
 * end consistent across the four ledgers, none started twice, no effect and no transition applied twice.
 */
class CrashRecoveryTest {
    private static final int ORDERS = 1_500;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    private Process demo(Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), SagaflowCli.class.getName(), "demo",
                "--dir", dir.resolve("data").toString(), "--orders", String.valueOf(ORDERS), "--failure-rate", "0.2",
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
        List<Long> endedAtEachKill = new ArrayList<>();
        List<Long> transitionsAtEachKill = new ArrayList<>();
        for (int run = 1; endedAtEachKill.size() < KILLS && run <= KILLS + 10; run++) {
            Process process = demo(dir.resolve("run-" + run + ".out"));
            Thread.sleep(1_000 + random.nextInt(2_500));
            if (!process.isAlive()) {
                continue; // it finished before this kill: later kills hit the restart path instead
            }
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful close
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by signal 9").isEqualTo(137);
            endedAtEachKill.add(endedOrders());
            transitionsAtEachKill.add(recordedTransitions());
        }
        System.out.println("orders ended at each of the kills: " + endedAtEachKill);
        System.out.println("transitions recorded at each of the kills: " + transitionsAtEachKill);
        assertThat(endedAtEachKill).as("kills that landed while the demo was running").hasSizeGreaterThanOrEqualTo(KILLS);
        assertThat(endedAtEachKill.getFirst()).as("the first kill came before the end").isLessThan(ORDERS);
        // Counted in transitions, not ended orders: on a slow machine many kills land before any order ends.
        assertThat(new HashSet<>(transitionsAtEachKill)).as("kills landed at different stages").hasSizeGreaterThan(3);

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

    private long endedOrders() {
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("data/sagas.db"))) {
            return store.countByState(OrderFulfilmentSaga.NAME).entrySet().stream()
                    .filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private long recordedTransitions() {
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("data/sagas.db"))) {
            return Histories.all(store).stream().mapToLong(SagaRecord::historySize).sum();
        }
    }

    /** Reads the store and the ledgers from this JVM, without the demo's own audit. */
    private void checkIndependently(String reportLine) {
        Path data = dir.resolve("data");
        Map<String, SagaState> states = new HashMap<>();
        try (SqliteSagaStore store = SqliteSagaStore.open(data.resolve("sagas.db"))) {
            List<SagaRecord> all = Histories.all(store);
            assertThat(all).as("one instance per order, none started twice").hasSize(ORDERS);
            all.forEach(row -> states.put(row.idempotencyKey(), row.state()));
            Histories.assertNoTransitionAppliedTwice(store, all);
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
