package dev.sagaflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sagaflow demo --parallel} in a forked JVM, SIGKILLed again and again, each kill after the run
 * committed progress of its own and while the store shows the window of one of three families open:
 * <ul>
 *   <li><b>fan-out</b>: line children started and not ended (parents with children starting or running);</li>
 *   <li><b>join</b>: parents still at a step that started children, some of whose children have ended
 *       (their ends in the parent's inbox or folded, the join not yet past);</li>
 *   <li><b>child saga</b>: payment sub-sagas running or being compensated.</li>
 * </ul>
 * What was in flight is read from the store after each kill (what the next process finds), and a kill
 * counts for every family whose window it shows. Each family gets at least 20 kills; then a run to the
 * end, judged by {@link ParallelOrderLedgers} (plain SQL on the store and the ledgers) and the demo's report.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ParallelOrderCrashRecoveryTest {
    private static final int ORDERS = 500;
    private static final double FAILURE_RATE = 0.3;
    /** Transitions a run commits before its kill, at most. */
    private static final int PROGRESS_PER_RUN = 120;
    private static final String TERMINAL = ParallelOrderLedgers.TERMINAL;

    /**
     * The windows, with the kills each needs. CHILD_UNDO and PAYMENT_UNDO are the child-saga family's
     * second half: child sagas (any, then payments, which only the pivot's failure undoes) being
     * compensated, completed ones reopened for their parent included.
     */
    enum Family {
        FAN_OUT(20), JOIN(20), CHILD_SAGA(20), CHILD_UNDO(5), PAYMENT_UNDO(3);

        final int kills;

        Family(int kills) {
            this.kills = kills;
        }
    }

    /** What the store shows in flight. */
    record InFlight(long linesRunning, long parentsJoining, long paymentsRunning, long paymentsCompensating,
                    long linesCompensating, long parentsEnded, long transitions) {
        long window(Family family) {
            return switch (family) {
                case FAN_OUT -> linesRunning;
                case JOIN -> parentsJoining;
                case CHILD_SAGA -> paymentsRunning;
                case CHILD_UNDO -> paymentsCompensating + linesCompensating;
                case PAYMENT_UNDO -> paymentsCompensating;
            };
        }

        @Override
        public String toString() {
            return String.format("%d line children running (%d compensating), %d parents joining, %d payment sub-sagas running "
                    + "(%d compensating), %d/%d orders ended, %d transitions", linesRunning, linesCompensating, parentsJoining,
                    paymentsRunning, paymentsCompensating, parentsEnded, ORDERS, transitions);
        }
    }

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Path sagas() {
        return dir.resolve("data/sagas.db");
    }

    private InFlight inFlight() {
        Path store = sagas();
        return new InFlight(
                SqliteCounts.count(store, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + ParallelOrderLedgers.LINE
                        + "' AND state NOT IN " + TERMINAL),
                SqliteCounts.count(store, "SELECT count(*) FROM saga_instance p WHERE p.saga_name = '" + ParallelOrderLedgers.PARENT
                        + "' AND p.state NOT IN " + TERMINAL + " AND substr(p.progress, 1, 2) IN ('0,', '1,') AND EXISTS (SELECT 1 "
                        + "FROM saga_instance c WHERE c.parent_id = p.id AND c.state IN " + TERMINAL
                        + " AND c.id LIKE p.id || '/' || substr(p.progress, 1, 1) || '/%')"),
                SqliteCounts.count(store, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + ParallelOrderLedgers.PAYMENT
                        + "' AND state NOT IN " + TERMINAL),
                SqliteCounts.count(store, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + ParallelOrderLedgers.PAYMENT
                        + "' AND state IN ('COMPENSATING', 'COMPENSATION_STALLED')"),
                SqliteCounts.count(store, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + ParallelOrderLedgers.LINE
                        + "' AND state IN ('COMPENSATING', 'COMPENSATION_STALLED')"),
                SqliteCounts.count(store, "SELECT count(*) FROM saga_instance WHERE saga_name = '" + ParallelOrderLedgers.PARENT
                        + "' AND state IN " + TERMINAL),
                SqliteCounts.transitions(store));
    }

    private ForkedCli demo(String name) throws Exception {
        return ForkedCli.start(dir.resolve(name), "demo", "--parallel", "--dir", dir.resolve("data").toString(),
                "--orders", Integer.toString(ORDERS), "--failure-rate", Double.toString(FAILURE_RATE),
                // Slow participants keep every family's window open across the kills.
                "--step-delay-ms", "400", "--timeout", "3m");
    }

    @Test
    void killedInEveryChildSagaWindowEveryOrderStillEndsConsistent() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        System.out.println("kill points drawn with seed " + seed);
        Map<Family, Integer> kills = new EnumMap<>(Family.class);
        List<String> record = new ArrayList<>();
        long durable = 0;
        int run = 0;
        while (java.util.Arrays.stream(Family.values()).anyMatch(f -> kills.getOrDefault(f, 0) < f.kills) && run < 80) {
            run++;
            // The early windows in turn; the payments' undo last, since waiting for it lets the orders run on past the others.
            List<Family> early = List.of(Family.FAN_OUT, Family.JOIN, Family.CHILD_SAGA, Family.CHILD_UNDO);
            Family target = early.get(run % early.size());
            if (kills.getOrDefault(target, 0) >= target.kills) {
                target = java.util.Arrays.stream(Family.values()).filter(f -> kills.getOrDefault(f, 0) < f.kills)
                        .findFirst().orElseThrow();
            }
            Family aim = target;
            // Compensations come late in an order's life: that window is waited for longer.
            long giveUpNanos = (aim == Family.PAYMENT_UNDO ? 40 : aim == Family.CHILD_UNDO ? 30 : 8) * 1_000_000_000L;
            ForkedCli process = demo("run-" + run + ".out");
            long wanted = durable + 1 + random.nextInt(PROGRESS_PER_RUN);
            long started = System.nanoTime();
            // Its own progress first, then the window of the family aimed at (or give up on the aim).
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(15))
                    .until(() -> !process.process().isAlive() || SqliteCounts.transitions(sagas()) >= wanted
                            && (inFlight().window(aim) > 0 || System.nanoTime() - started > giveUpNanos));
            if (!process.process().isAlive()) {
                assertThat(process.process().exitValue()).as(process.log()).isZero();
                break; // the demo finished before the families had their kills: the assertion below says so
            }
            process.kill();
            assertThat(process.process().exitValue()).as("killed by signal 9").isEqualTo(137);
            InFlight after = inFlight();
            assertThat(after.transitions()).as("progress of its own before the kill").isGreaterThan(durable);
            durable = after.transitions();
            List<Family> landed = new ArrayList<>();
            for (Family family : Family.values()) {
                if (after.window(family) > 0) {
                    landed.add(family);
                    kills.merge(family, 1, Integer::sum);
                }
            }
            record.add("kill " + run + " (aimed at " + aim + ", in " + landed + "): " + after);
        }
        record.forEach(System.out::println);
        System.out.println("kills per family: " + kills);
        for (Family family : Family.values()) {
            assertThat(kills.getOrDefault(family, 0)).as("kills that landed in the %s window", family)
                    .isGreaterThanOrEqualTo(family.kills);
        }

        ForkedCli last = demo("final.out");
        assertThat(last.process().waitFor(3, TimeUnit.MINUTES)).as("the final run ends").isTrue();
        List<String> lines = last.log().lines().toList();
        String report = lines.getLast();
        assertThat(last.process().exitValue()).as(last.log()).isZero();
        assertThat(report).isEqualTo(ParallelOrderCrashRecoveryTest.expectedReport(dir.resolve("data")));
        System.out.println("final report: " + report);
        ParallelOrderLedgers.assertEveryOrderAsIntended(dir.resolve("data"), ORDERS, FAILURE_RATE);
    }

    /** The report the run must print, from the book: every order ended as its fate says, none inconsistent. */
    static String expectedReport(Path data) {
        dev.sagaflow.examples.orders.OrderBook book = new dev.sagaflow.examples.orders.OrderBook(FAILURE_RATE);
        long completes = java.util.stream.IntStream.rangeClosed(1, ORDERS)
                .filter(n -> book.fate(n) == dev.sagaflow.examples.orders.OrderBook.Fate.COMPLETES).count();
        return String.format("{\"orders\":%d,\"completed\":%d,\"compensated\":%d,\"pending\":0,\"inconsistent\":0}", ORDERS,
                completes, ORDERS - completes);
    }
}
