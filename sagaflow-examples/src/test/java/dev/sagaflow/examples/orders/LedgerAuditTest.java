package dev.sagaflow.examples.orders;

import dev.sagaflow.SagaState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit that CrashRecoveryTest, MultiNodeFailoverTest, RemoteDemoTest and the demo rely on,
 * shown to fail: two orders are written to real ledgers through the services (one completed, one
 * compensated), then one inconsistency of each kind is planted, through a service or in plain SQL,
 * and the audit must name it, and only it.
 */
class LedgerAuditTest {
    private static final Order COMPLETED = new Order("order-1", "SKU-1", 2, 4_200, "4242424242424242", "EU-1",
            null, "TRK-1");
    private static final Order COMPENSATED = new Order("order-2", "SKU-2", 1, 1_100, "4242424242424242",
            OrderBook.UNSERVED_REGION, null, null);

    @TempDir
    Path dir;

    private Participants participants;
    private final Map<String, SagaState> engine = new HashMap<>();

    @BeforeEach
    void twoOrdersThatEndedRight() throws Exception {
        participants = Participants.open(dir, Faults.none(), Duration.ZERO);
        participants.inventory().reserve("saga-1/reserve-inventory", COMPLETED);
        participants.payments().charge("saga-1/charge-payment", COMPLETED);
        participants.shipping().ship("saga-1/create-shipment", COMPLETED);
        participants.notifications().confirm("saga-1/send-confirmation", COMPLETED);
        engine.put("order-1", SagaState.COMPLETED);

        participants.inventory().reserve("saga-2/reserve-inventory", COMPENSATED);
        participants.payments().charge("saga-2/charge-payment", COMPENSATED);
        participants.payments().refund("saga-2/charge-payment", COMPENSATED);
        participants.inventory().release("saga-2/reserve-inventory", COMPENSATED);
        engine.put("order-2", SagaState.FAILED);
    }

    @AfterEach
    void close() {
        participants.close();
    }

    @Test
    void consistentLedgersPass() {
        LedgerAudit.Result result = new LedgerAudit(participants).audit(2, engine);

        assertThat(result.problems()).isEmpty();
        assertThat(result.report()).isEqualTo(new DemoReport(2, 1, 1, 0, 0));
    }

    /** One planted inconsistency: what it does to the ledgers (or the engine's word), and what the audit must say. */
    record Plant(String name, Planting planting, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Planting {
        void plant(LedgerAuditTest test) throws Exception;
    }

    static Stream<Plant> plants() {
        Order served = new Order("order-2", "SKU-2", 1, 1_100, "4242424242424242", "EU-2", null, null);
        Order stranger = new Order("order-3", "SKU-3", 1, 900, "4242424242424242", "EU-0", null, null);
        return Stream.of(
                new Plant("a reservation applied twice", t -> t.participants.inventory()
                        .reserve("saga-1-again/reserve-inventory", COMPLETED), "order-1: saga COMPLETED, but reservations held 2"),
                new Plant("a charge applied twice", t -> t.participants.payments()
                        .charge("saga-1-again/charge-payment", COMPLETED), "order-1: saga COMPLETED, but reservations held 1 released 0, charges 2"),
                new Plant("a shipment created twice", t -> t.participants.shipping()
                        .ship("saga-1-again/create-shipment", COMPLETED), "order-1: saga COMPLETED, but reservations held 1 released 0, charges 1 refunded 0, shipments 2"),
                new Plant("a confirmation sent twice", t -> t.participants.notifications()
                        .confirm("saga-1-again/send-confirmation", COMPLETED), "order-1: saga COMPLETED, but reservations held 1 released 0, charges 1 refunded 0, shipments 1, confirmations 2"),
                new Plant("stock taken twice for one reservation", t -> t.sql("inventory",
                        "UPDATE stock SET available = available - 2 WHERE sku = 'SKU-1'"), "stock of SKU-1 is off by 2 units"),
                new Plant("a release that did not give the stock back", t -> t.sql("inventory",
                        "UPDATE stock SET available = available - 1 WHERE sku = 'SKU-2'"), "stock of SKU-2 is off by 1 units"),
                new Plant("a reservation held on a failed order", t -> t.sql("inventory",
                        "UPDATE reservation SET status = 'HELD' WHERE order_id = 'order-2'",
                        "UPDATE stock SET available = available - 1 WHERE sku = 'SKU-2'"),
                        "order-2: saga FAILED, but reservations held 1 released 0"),
                new Plant("a missing refund", t -> t.sql("payments",
                        "UPDATE charge SET status = 'CHARGED' WHERE order_id = 'order-2'"),
                        "order-2: saga FAILED, but reservations held 0 released 1, charges 1 refunded 0"),
                new Plant("a shipment without its charge", t -> t.sql("payments",
                        "DELETE FROM charge WHERE order_id = 'order-1'"),
                        "order-1: saga COMPLETED, but reservations held 1 released 0, charges 0 refunded 0, shipments 1"),
                new Plant("a completed order refunded", t -> t.participants.payments()
                        .refund("saga-1/charge-payment", COMPLETED), "order-1: saga COMPLETED, but reservations held 1 released 0, charges 0 refunded 1"),
                new Plant("a completed order never confirmed", t -> t.sql("notifications",
                        "DELETE FROM confirmation WHERE order_id = 'order-1'"), "order-1: saga COMPLETED, but reservations held 1 released 0, charges 1 refunded 0, shipments 1, confirmations 0"),
                new Plant("a failed order shipped", t -> t.participants.shipping()
                        .ship("saga-2/create-shipment", served), "order-2: saga FAILED, but reservations held 0 released 1, charges 0 refunded 1, shipments 1"),
                new Plant("the engine says completed, the ledgers say undone", t -> t.engine.put("order-2", SagaState.COMPLETED),
                        "order-2: saga COMPLETED, but reservations held 0 released 1"),
                new Plant("the engine says failed, the ledgers say done", t -> t.engine.put("order-1", SagaState.FAILED),
                        "order-1: saga FAILED, but reservations held 1 released 0"),
                new Plant("the engine says cancelled, the ledgers say done", t -> t.engine.put("order-1", SagaState.CANCELLED),
                        "order-1: saga CANCELLED, but reservations held 1 released 0"),
                new Plant("a charge for an order that is not in the book", t -> t.participants.payments()
                        .charge("saga-3/charge-payment", stranger), "order-3: not one of order-1..order-2, but reservations held 0 released 0, charges 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plants")
    void eachPlantedInconsistencyIsReportedAndNothingElse(Plant plant) throws Exception {
        plant.planting().plant(this);

        LedgerAudit.Result result = new LedgerAudit(participants).audit(2, engine);

        assertThat(result.problems()).as(plant.name()).singleElement().asString().startsWith(plant.expected());
        assertThat(result.report().inconsistent()).isEqualTo(1);
        assertThat(result.report().exitCode()).isEqualTo(1);
    }

    @Test
    void aSkippedRefundIsTheOperatorsToAnswerForAndNothingElseIs() throws Exception {
        sql("payments", "UPDATE charge SET status = 'CHARGED' WHERE order_id = 'order-2'");
        OperatorHandling skippedRefund = new OperatorHandling(java.util.Set.of("charge-payment"), false);

        LedgerAudit.Result result = new LedgerAudit(participants).audit(2, engine,
                id -> id.equals("order-2") ? skippedRefund : OperatorHandling.NONE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.excused()).singleElement().asString().startsWith("order-2: saga FAILED, compensation of "
                + "[charge-payment] skipped; reservations held 0 released 1, charges 1 refunded 0");
        assertThat(result.report()).isEqualTo(new DemoReport(2, 1, 0, 0, 0, 1));
        assertThat(result.report().exitCode()).isZero();
        assertThat(result.report().toJson()).endsWith(",\"inconsistent\":0,\"byOperator\":1}");

        // A skipped refund does not excuse a reservation left held, nor a shipment.
        sql("inventory", "UPDATE reservation SET status = 'HELD' WHERE order_id = 'order-2'",
                "UPDATE stock SET available = available - 1 WHERE sku = 'SKU-2'");
        LedgerAudit.Result held = new LedgerAudit(participants).audit(2, engine,
                id -> id.equals("order-2") ? skippedRefund : OperatorHandling.NONE);
        assertThat(held.problems()).singleElement().asString().startsWith("order-2: saga FAILED, but reservations held 1");
        assertThat(held.report().inconsistent()).isEqualTo(1);
    }

    @Test
    void aResolvedOrderMayHoldAnyEffectButNoneTwice() throws Exception {
        sql("payments", "UPDATE charge SET status = 'CHARGED' WHERE order_id = 'order-2'");
        OperatorHandling resolved = new OperatorHandling(java.util.Set.of(), true);

        LedgerAudit.Result result = new LedgerAudit(participants).audit(2, engine,
                id -> id.equals("order-2") ? resolved : OperatorHandling.NONE);
        assertThat(result.problems()).isEmpty();
        assertThat(result.report().byOperator()).isEqualTo(1);

        participants.payments().charge("saga-2-again/charge-payment", COMPENSATED);
        LedgerAudit.Result twice = new LedgerAudit(participants).audit(2, engine,
                id -> id.equals("order-2") ? resolved : OperatorHandling.NONE);
        assertThat(twice.problems()).singleElement().asString().startsWith("order-2: saga FAILED, but reservations held 0 "
                + "released 1, charges 2");
    }

    @Test
    void anOrderThatHasNotEndedIsPendingNotJudged() {
        engine.put("order-2", SagaState.COMPENSATING);
        engine.remove("order-1");

        LedgerAudit.Result result = new LedgerAudit(participants).audit(2, engine);

        assertThat(result.problems()).isEmpty();
        assertThat(result.report()).isEqualTo(new DemoReport(2, 0, 0, 2, 0));
        assertThat(result.report().exitCode()).isEqualTo(1);
    }

    private void sql(String service, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(service + ".db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            for (String statement : statements) {
                assertThat(s.executeUpdate(statement)).as(statement).isPositive();
            }
        }
    }
}
