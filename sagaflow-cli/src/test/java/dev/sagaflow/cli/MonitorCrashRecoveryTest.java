package dev.sagaflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The continue-as-new family: {@code sagaflow demo monitor} with three rounds per run (a new run every
 * 120 ms, faster while it catches up) in a forked JVM, SIGKILLed at least 20 times around a change of
 * run (its last round of a run checked, or a run just begun), each after it recorded rounds of its own,
 * and restarted on the same folder; then run to the end. What the store held at each kill is recorded.
 * {@link MonitorLedgers} judges the end: every round checked once, by its own run and pass, every
 * alert once where a status changed, the saga in its last run with its history bounded.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MonitorCrashRecoveryTest {
    private static final int SERVICES = 20;
    private static final int ROUNDS = 1_500;
    private static final int ROUNDS_PER_RUN = 3;
    private static final int KEEP_RUNS = 2;
    private static final String INTERVAL = "40ms"; // 1,500 rounds: a minute from the first start
    private static final int KILLS = 20;
    private static final Pattern ROUND = Pattern.compile("\"round\":(\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private ForkedCli monitor(String log) throws Exception {
        return ForkedCli.start(dir.resolve(log), "demo", "monitor", "--dir", data().toString(), "--interval", INTERVAL,
                "--checks", Integer.toString(SERVICES * ROUNDS), "--services", Integer.toString(SERVICES),
                "--rounds-per-run", Integer.toString(ROUNDS_PER_RUN), "--keep-runs", Integer.toString(KEEP_RUNS),
                "--timeout", "3m");
    }

    /** The monitor's row: run, loops, position, state, the next round in its data. */
    record Where(int run, int loops, int step, String state, long round) {
        /** At a change of run: the run's last round checked (continue-as-new next), or a new run at its first step. */
        boolean aroundARunChange() {
            return loops == ROUNDS_PER_RUN - 1 && step >= 1 || loops == 0 && step == 0 && run > 0;
        }
    }

    private Where where() {
        List<List<String>> rows = SqlRows.read(data().resolve("sagas.db"),
                "SELECT run, loops, progress, state, data FROM saga_instance WHERE saga_name = 'health-monitor'");
        if (rows.isEmpty()) {
            return null;
        }
        List<String> r = rows.getFirst();
        Matcher round = ROUND.matcher(r.get(4));
        return new Where(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1)),
                Integer.parseInt(r.get(2).substring(0, r.get(2).indexOf(','))), r.get(3), round.find() ? Long.parseLong(round.group(1)) : -1);
    }

    private long roundsRecorded() {
        return SqliteCounts.count(data().resolve("monitor.db"), "SELECT count(*) FROM round_check");
    }

    @Test
    void killedAroundItsRunChangesTheMonitorChecksEveryRoundOnceByItsOwnRun() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        System.out.println("kill points drawn with seed " + seed);
        List<String> record = new ArrayList<>();
        List<Integer> runsAtKills = new ArrayList<>();
        int landed = 0;
        int checkInFlight = 0;
        long durable = 0;
        for (int attempt = 1; landed < KILLS && attempt <= KILLS + 15; attempt++) {
            ForkedCli process = monitor("run-" + attempt + ".out");
            long before = durable;
            long wanted = before + 1 + random.nextInt(10);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> {
                if (!process.process().isAlive()) {
                    return true;
                }
                if (roundsRecorded() < wanted) {
                    return false;
                }
                Where w = where();
                return w != null && w.aroundARunChange();
            });
            if (!process.process().isAlive()) {
                assertThat(process.process().exitValue()).as(process.log()).isZero();
                break;
            }
            process.kill();
            assertThat(process.process().exitValue()).as("killed by signal 9").isEqualTo(137);
            Where at = where();
            durable = roundsRecorded();
            assertThat(durable).as("rounds recorded by this run before its kill").isGreaterThan(before);
            // The ledger a round ahead of the saga: the check's effect committed, its transition not (it is retried under the same key).
            boolean applied = durable > at.round();
            checkInFlight += applied ? 1 : 0;
            boolean inWindow = at.aroundARunChange();
            landed += inWindow ? 1 : 0;
            runsAtKills.add(at.run());
            record.add(String.format("kill %d: run %d, loop %d, step %d, %s, next round %d, %d rounds in the ledger%s%s", attempt,
                    at.run(), at.loops(), at.step(), at.state(), at.round(), durable,
                    applied ? " (a check applied, its transition not yet)" : "", inWindow ? "" : " (not at a run change)"));
        }
        record.forEach(System.out::println);
        System.out.println(landed + " kills around a run change; " + checkInFlight + " with a check applied but not yet recorded by the saga");
        assertThat(landed).as("kills that landed around a change of run").isGreaterThanOrEqualTo(KILLS);
        assertThat(runsAtKills).as("the runs went on between kills").isSorted();
        assertThat(runsAtKills.getLast()).isGreaterThan(runsAtKills.getFirst() + KILLS);

        ForkedCli last = monitor("final.out");
        assertThat(last.process().waitFor(3, TimeUnit.MINUTES)).as("the final run ends").isTrue();
        String report = last.log().lines().toList().getLast();
        assertThat(last.process().exitValue()).as(last.log()).isZero();
        System.out.println("final report: " + report);
        assertThat(report).contains("\"checks\":" + SERVICES * ROUNDS, "\"rounds\":" + ROUNDS,
                "\"runs\":" + ROUNDS / ROUNDS_PER_RUN, "\"doubled\":0", "\"lost\":0", "\"pending\":0");
        MonitorLedgers.assertMonitorAsIntended(data(), SERVICES, ROUNDS, ROUNDS_PER_RUN, KEEP_RUNS);
    }
}
