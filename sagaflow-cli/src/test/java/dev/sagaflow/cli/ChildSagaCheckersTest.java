package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.examples.monitor.MonitorAudit;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.LedgerAudit;
import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.examples.orders.Participants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash tests' checkers for the parallel order demo ({@link ParallelOrderLedgers}) and the monitor
 * ({@link MonitorLedgers}), and the demos' own audits, shown to fail: a real run of each is copied,
 * one fault is planted in the copy in plain SQL, and the checker must name it. The clean copies pass.
 */
class ChildSagaCheckersTest {
    private static final int ORDERS = 40;
    private static final double FAILURE_RATE = 0.5;
    private static final OrderBook BOOK = new OrderBook(FAILURE_RATE);
    private static final int SERVICES = 20;
    private static final int ROUNDS = 30;
    private static final int ROUNDS_PER_RUN = 4;
    private static final int KEEP_RUNS = 2;

    @TempDir
    static Path run;

    @TempDir
    Path copy;

    @BeforeAll
    static void runTheDemos() {
        for (OrderBook.Fate fate : OrderBook.Fate.values()) {
            assertThat(first(fate)).as("the book has an order of each fate").isPositive();
        }
        CliRun orders = CliRun.of("demo", "--parallel", "--dir", run.resolve("orders").toString(), "--orders",
                Integer.toString(ORDERS), "--failure-rate", Double.toString(FAILURE_RATE));
        assertThat(orders.status()).as(orders.all()).isZero();
        CliRun monitor = CliRun.of("demo", "monitor", "--dir", run.resolve("monitor").toString(), "--interval", "5ms",
                "--checks", Integer.toString(SERVICES * ROUNDS), "--services", Integer.toString(SERVICES),
                "--rounds-per-run", Integer.toString(ROUNDS_PER_RUN), "--keep-runs", Integer.toString(KEEP_RUNS));
        assertThat(monitor.status()).as(monitor.all()).isZero();
        assertThat(monitor.out()).contains("\"checks\":" + SERVICES * ROUNDS, "\"runs\":8", "\"doubled\":0", "\"lost\":0");
    }

    private static int first(OrderBook.Fate fate) {
        return IntStream.rangeClosed(1, ORDERS).filter(n -> BOOK.fate(n) == fate && BOOK.lines(n).size() > 1).findFirst().orElse(-1);
    }

    private Path copyOf(String demo) {
        Path to = copy.resolve(demo);
        try (Stream<Path> files = Files.list(run.resolve(demo))) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private static String parentOf(Path data, int order) {
        return SqlRows.read(data.resolve("sagas.db"), "SELECT id FROM saga_instance WHERE saga_name = '"
                + ParallelOrderLedgers.PARENT + "' AND idempotency_key = '" + OrderBook.id(order) + "'").getFirst().getFirst();
    }

    private List<String> orderProblems(Path data) {
        return ParallelOrderLedgers.problems(data, ORDERS, FAILURE_RATE);
    }

    /** The demo's own audit on the same copy: its count of inconsistent orders. */
    private static int auditInconsistent(Path data) {
        Map<String, SagaState> states = new HashMap<>();
        SqlRows.read(data.resolve("sagas.db"), "SELECT idempotency_key, state FROM saga_instance WHERE saga_name = '"
                + ParallelOrderLedgers.PARENT + "'").forEach(r -> states.put(r.get(0), SagaState.valueOf(r.get(1))));
        try (Participants participants = Participants.open(data, Faults.none(), Duration.ZERO)) {
            return LedgerAudit.forLines(participants, BOOK).audit(ORDERS, states).report().inconsistent();
        }
    }

    @Test
    void aCleanParallelRunPasses() {
        Path data = copyOf("orders");
        assertThat(orderProblems(data)).isEmpty();
        assertThat(auditInconsistent(data)).isZero();
    }

    @Test
    void aLineReservedTwiceIsFound() {
        Path data = copyOf("orders");
        int order = first(OrderBook.Fate.COMPLETES);
        SqlRows.execute(data.resolve("inventory.db"), "INSERT INTO reservation SELECT idempotency_key || '-again', order_id, sku, "
                + "quantity, status FROM reservation WHERE order_id = '" + OrderBook.id(order) + "' LIMIT 1",
                "UPDATE stock SET available = available - (SELECT quantity FROM reservation WHERE idempotency_key LIKE '%-again') "
                        + "WHERE sku = (SELECT sku FROM reservation WHERE idempotency_key LIKE '%-again')");
        assertThat(orderProblems(data)).anyMatch(p -> p.startsWith(OrderBook.id(order) + ": reservation")
                && p.contains("not under one of its line children's keys"));
        assertThat(auditInconsistent(data)).isPositive();
    }

    @Test
    void aLineReservationLostIsFound() {
        Path data = copyOf("orders");
        int order = first(OrderBook.Fate.COMPLETES);
        SqlRows.execute(data.resolve("inventory.db"), "DELETE FROM reservation WHERE idempotency_key = '"
                + parentOf(data, order) + "/0/1/reserve-line'");
        assertThat(orderProblems(data)).anyMatch(p -> p.startsWith(OrderBook.id(order) + ": line 1"))
                .anyMatch(p -> p.startsWith("stock of "));
        assertThat(auditInconsistent(data)).isPositive();
    }

    @Test
    void aReleaseThatNeverHappenedAndARefundMissingAreFound() {
        Path data = copyOf("orders");
        int declined = first(OrderBook.Fate.CARD_DECLINED);
        int carrier = first(OrderBook.Fate.CARRIER_DOWN);
        SqlRows.execute(data.resolve("inventory.db"), "UPDATE reservation SET status = 'HELD' WHERE idempotency_key = '"
                + parentOf(data, declined) + "/0/0/reserve-line'");
        SqlRows.execute(data.resolve("payments.db"), "UPDATE charge SET status = 'CHARGED' WHERE idempotency_key = '"
                + parentOf(data, carrier) + "/1/0/capture'");
        assertThat(orderProblems(data)).anyMatch(p -> p.startsWith(OrderBook.id(declined) + ": line 0"))
                .anyMatch(p -> p.startsWith(OrderBook.id(carrier) + ": charge rows"));
        assertThat(auditInconsistent(data)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aChildStartedTwiceOrLostAndACompensationRecordedTwiceAreFound() {
        Path data = copyOf("orders");
        Path store = data.resolve("sagas.db");
        int completes = first(OrderBook.Fate.COMPLETES);
        int carrier = first(OrderBook.Fate.CARRIER_DOWN);
        String twice = parentOf(data, completes) + "/1/0";
        String lost = parentOf(data, carrier) + "/0/0";
        String payment = parentOf(data, carrier) + "/1/0";
        SqlRows.execute(store, "CREATE TEMP TABLE again AS SELECT * FROM saga_instance WHERE id = '" + twice + "'",
                "UPDATE again SET id = id || '-again', idempotency_key = idempotency_key || '-again'",
                "INSERT INTO saga_instance SELECT * FROM again",
                "DELETE FROM saga_instance WHERE id = '" + lost + "'",
                "INSERT INTO saga_history (saga_id, seq, at, type, step, attempt, duration_us, detail, run) SELECT saga_id, "
                        + "seq + 1000, at, type, step, attempt, duration_us, detail, run FROM saga_history WHERE saga_id = '"
                        + payment + "' AND type = 'COMPENSATION_SUCCEEDED' LIMIT 1");
        assertThat(orderProblems(data)).anyMatch(p -> p.startsWith(OrderBook.id(completes) + ": children") && p.contains("-again"))
                .anyMatch(p -> p.startsWith(OrderBook.id(carrier) + ": children"))
                .anyMatch(p -> p.startsWith("saga " + payment + ": COMPENSATION_SUCCEEDED") && p.contains("2 times"));
    }

    @Test
    void aSagaLeftRunningIsFound() {
        Path data = copyOf("orders");
        int completes = first(OrderBook.Fate.COMPLETES);
        SqlRows.execute(data.resolve("sagas.db"), "UPDATE saga_instance SET state = 'RUNNING' WHERE id = '"
                + parentOf(data, completes) + "/0/0'");
        assertThat(orderProblems(data)).anyMatch(p -> p.contains("/0/0 (" + ParallelOrderLedgers.LINE + ") is RUNNING"));
    }

    private List<String> monitorProblems(Path data) {
        return MonitorLedgers.problems(data, SERVICES, ROUNDS, ROUNDS_PER_RUN, KEEP_RUNS);
    }

    private static MonitorAudit.Result monitorAudit(Path data) {
        return MonitorAudit.audit(data.resolve("monitor.db"), SERVICES, ROUNDS);
    }

    @Test
    void aCleanMonitorRunPasses() {
        Path data = copyOf("monitor");
        assertThat(monitorProblems(data)).isEmpty();
        assertThat(monitorAudit(data).lost() + monitorAudit(data).doubled()).isZero();
    }

    @Test
    void aCheckLostOrAnAlertLostIsFound() {
        Path data = copyOf("monitor");
        List<String> alert = SqlRows.read(data.resolve("monitor.db"), "SELECT service, round FROM alert LIMIT 1").getFirst();
        SqlRows.execute(data.resolve("monitor.db"), "DELETE FROM service_status WHERE service = 3 AND round = 17",
                "DELETE FROM alert WHERE service = " + alert.get(0) + " AND round = " + alert.get(1));
        assertThat(monitorProblems(data)).contains("service 3 round 17 was never recorded")
                .anyMatch(p -> p.startsWith("service " + alert.get(0) + " round " + alert.get(1)) && p.contains("alerted 0 times"));
        assertThat(monitorAudit(data).lost()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRoundCheckedTwiceOrByAnotherPassAndARunDoubledAreFound() {
        Path data = copyOf("monitor");
        SqlRows.execute(data.resolve("monitor.db"),
                "INSERT INTO recheck VALUES (5, 'someone/9.9/check-services', (SELECT checked_by FROM round_check WHERE round = 5))",
                "UPDATE round_check SET checked_by = checked_by || 'x' WHERE round = 6",
                "INSERT INTO alert VALUES (0, 1, 'UP', 'UP')");
        SqlRows.execute(data.resolve("sagas.db"), "UPDATE saga_instance SET run = run + 1 WHERE saga_name = 'health-monitor'");
        assertThat(monitorProblems(data)).anyMatch(p -> p.startsWith("round 5 checked again"))
                .anyMatch(p -> p.startsWith("round 6 was checked by"))
                .anyMatch(p -> p.startsWith("the monitor ended in run 8"))
                .anyMatch(p -> p.startsWith("an alert where no status changed") || p.startsWith("service 0 round 1"));
        assertThat(monitorAudit(data).doubled()).isGreaterThanOrEqualTo(2);
    }
}
