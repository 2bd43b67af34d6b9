package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.examples.orders.OrderFulfilmentSaga;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash and cluster tests' own checker, shown to fail: a real demo run (engine, store, four
 * ledgers) is copied, one fault is planted in the copy in plain SQL, and {@link OrderLedgers} must
 * name it. The clean copy passes.
 */
class OrderLedgersTest {
    private static final int ORDERS = 40;
    private static final double FAILURE_RATE = 0.5;
    private static final OrderBook BOOK = new OrderBook(FAILURE_RATE);

    @TempDir
    static Path run;

    @TempDir
    Path copy;

    @BeforeAll
    static void runTheDemo() {
        for (OrderBook.Fate fate : OrderBook.Fate.values()) {
            assertThat(first(fate)).as("the book has an order of each fate").isNotNull();
        }
        assertThat(SagaflowCli.run("demo", "--dir", run.toString(), "--orders", Integer.toString(ORDERS),
                "--failure-rate", Double.toString(FAILURE_RATE))).isZero();
    }

    private static String first(OrderBook.Fate fate) {
        return IntStream.rangeClosed(1, ORDERS).filter(n -> BOOK.fate(n) == fate).mapToObj(OrderBook::id)
                .findFirst().orElse(null);
    }

    private List<String> problems(UnaryOperator<List<SagaRecord>> engineSays) throws IOException {
        List<SagaRecord> instances;
        try (SqliteSagaStore store = SqliteSagaStore.open(copy.resolve("sagas.db"))) {
            instances = OrderLedgers.instances(store, OrderFulfilmentSaga.NAME);
        }
        return OrderLedgers.problems(copy, engineSays.apply(instances), SagaRecord::idempotencyKey, ORDERS, FAILURE_RATE);
    }

    private void copyTheRun() throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(".db")).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void theRunAsItEndedPasses() throws IOException {
        copyTheRun();
        assertThat(problems(UnaryOperator.identity())).isEmpty();
        OrderLedgers.assertEveryOrderAsIntended(copy, problemsFreeInstances(), SagaRecord::idempotencyKey, ORDERS,
                FAILURE_RATE);
    }

    private List<SagaRecord> problemsFreeInstances() {
        try (SqliteSagaStore store = SqliteSagaStore.open(copy.resolve("sagas.db"))) {
            return OrderLedgers.instances(store, OrderFulfilmentSaga.NAME);
        }
    }

    /** A fault planted in the copy, in SQL on one database, and the words the checker must use. */
    record Plant(String name, String database, List<String> sql, UnaryOperator<List<SagaRecord>> engineSays,
                 String expected) {
        Plant(String name, String database, List<String> sql, String expected) {
            this(name, database, sql, UnaryOperator.identity(), expected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Plant> plants() {
        String done = first(OrderBook.Fate.COMPLETES);
        String declined = first(OrderBook.Fate.CARD_DECLINED);
        String unshipped = first(OrderBook.Fate.CARRIER_DOWN);
        String soldOut = first(OrderBook.Fate.NO_STOCK);
        return Stream.of(
                new Plant("a reservation applied twice", "inventory", List.of(
                        "INSERT INTO reservation SELECT 'again/reserve-inventory', order_id, sku, quantity, 'HELD' "
                                + "FROM reservation WHERE order_id = '" + done + "'",
                        "UPDATE stock SET available = available - (SELECT quantity FROM reservation WHERE order_id = '"
                                + done + "' LIMIT 1) WHERE sku = (SELECT sku FROM reservation WHERE order_id = '" + done + "' LIMIT 1)"),
                        done + ": fate COMPLETES, saga COMPLETED, but reservations [HELD, HELD]"),
                new Plant("a charge applied twice", "payments", List.of(
                        "INSERT INTO charge SELECT 'again/charge-payment', 'ch_again', order_id, amount_cents, 'CHARGED' "
                                + "FROM charge WHERE order_id = '" + done + "'"),
                        done + ": fate COMPLETES, saga COMPLETED, but reservations [HELD], charges [CHARGED, CHARGED]"),
                new Plant("a reservation held on a failed order", "inventory", List.of(
                        "UPDATE reservation SET status = 'HELD' WHERE order_id = '" + declined + "'",
                        "UPDATE stock SET available = available - (SELECT quantity FROM reservation WHERE order_id = '"
                                + declined + "') WHERE sku = (SELECT sku FROM reservation WHERE order_id = '" + declined + "')"),
                        declined + ": fate CARD_DECLINED, saga FAILED, but reservations [HELD]"),
                new Plant("a shipment without its charge", "payments", List.of(
                        "DELETE FROM charge WHERE order_id = '" + done + "'"),
                        done + ": fate COMPLETES, saga COMPLETED, but reservations [HELD], charges [], shipments 1"),
                new Plant("a missing refund", "payments", List.of(
                        "UPDATE charge SET status = 'CHARGED' WHERE order_id = '" + unshipped + "'"),
                        unshipped + ": fate CARRIER_DOWN, saga FAILED, but reservations [RELEASED], charges [CHARGED]"),
                new Plant("a release that was never made", "inventory", List.of(
                        "DELETE FROM reservation WHERE order_id = '" + unshipped + "'"),
                        unshipped + ": fate CARRIER_DOWN, saga FAILED, but reservations [], charges [REFUNDED]"),
                new Plant("a sold-out order that took stock", "inventory", List.of(
                        "INSERT INTO reservation VALUES ('x/reserve-inventory', '" + soldOut + "', 'SKU-1', 1, 'RELEASED')"),
                        soldOut + ": fate NO_STOCK, saga FAILED, but reservations [RELEASED]"),
                new Plant("a charge of the wrong amount", "payments", List.of(
                        "UPDATE charge SET amount_cents = amount_cents + 1 WHERE order_id = '" + done + "'"),
                        done + ": fate COMPLETES, saga COMPLETED, but reservations [HELD], charges [CHARGED], shipments 1"),
                new Plant("a confirmation never sent", "notifications", List.of(
                        "DELETE FROM confirmation WHERE order_id = '" + done + "'"),
                        done + ": fate COMPLETES, saga COMPLETED, but reservations [HELD], charges [CHARGED], shipments 1, confirmations 0"),
                new Plant("stock taken with no reservation", "inventory", List.of(
                        "UPDATE stock SET available = available - 1 WHERE sku = 'SKU-2'"),
                        "stock of SKU-2: "),
                new Plant("an effect written under another saga's key", "shipping", List.of(
                        "UPDATE shipment SET idempotency_key = 'someone-else/create-shipment' WHERE order_id = '" + done + "'"),
                        done + ": ledger row Row[key=someone-else/create-shipment"),
                new Plant("an effect for an order not in the book", "notifications", List.of(
                        "INSERT INTO confirmation VALUES ('x/send-confirmation', 'order-" + (ORDERS + 1) + "', 'TRK')"),
                        "order-" + (ORDERS + 1) + ": ledger rows for an order that is not in the book"),
                new Plant("the engine ended an order otherwise than its fate", "sagas", List.of(
                        "UPDATE saga_instance SET state = 'CANCELLED' WHERE idempotency_key = '" + unshipped + "'"),
                        unshipped + ": saga "),
                new Plant("an order never started", "sagas", List.of(
                        "DELETE FROM saga_instance WHERE idempotency_key = '" + declined + "'"),
                        declined + ": 0 saga instances, not one"),
                new Plant("an order started twice", "sagas", List.of(), instances -> {
                    List<SagaRecord> twice = new ArrayList<>(instances);
                    twice.add(instances.stream().filter(r -> r.idempotencyKey().equals(soldOut)).findFirst().orElseThrow());
                    return twice;
                }, soldOut + ": 2 saga instances, not one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plants")
    void eachPlantedFaultIsReported(Plant plant) throws Exception {
        copyTheRun();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve(plant.database() + ".db"));
             Statement s = c.createStatement()) {
            for (String sql : plant.sql()) {
                assertThat(s.executeUpdate(sql)).as(sql).isPositive();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        List<String> problems = problems(plant.engineSays());

        assertThat(problems).as(plant.name()).anySatisfy(p -> assertThat(p).startsWith(plant.expected()));
    }
}
