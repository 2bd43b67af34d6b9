package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.InventoryService;
import dev.sagaflow.examples.orders.Order;
import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order of a demo run checked from outside the demo: plain SQL on the four services' SQLite
 * ledgers, held against the saga store's rows and against what the {@link OrderBook} meant each
 * order to do. It shares no code with the demo's own audit ({@code LedgerAudit}), so a bug there
 * cannot hide one here. {@link OrderLedgersTest} shows it fail on planted faults.
 *
 * <p>Per order {@code order-n}: exactly one saga instance, ended as its fate says (COMPLETED, or
 * FAILED for the three failing fates). A completed order holds one reservation of its SKU and
 * quantity, one live charge of its amount, one shipment and one confirmation. A failed one holds none
 * of those; what it did before failing is undone (a released reservation, a refunded charge) exactly
 * where its fate says the saga got that far. Every ledger row carries the key {@code sagaId/step} of
 * that order's one instance, and names an order of the book. Stock adds up per SKU, and what is taken
 * is exactly what the completed orders took.
 */
final class OrderLedgers {
    private OrderLedgers() {
    }

    /** The instances of one saga in a store, every page. */
    static List<SagaRecord> instances(SagaStore store, String sagaName) {
        return Histories.all(store).stream().filter(r -> r.sagaName().equals(sagaName)).toList();
    }

    /** Fails, listing every problem (the first 30), unless every order of the book ended as it should. */
    static void assertEveryOrderAsIntended(Path ledgers, List<SagaRecord> instances, Function<SagaRecord, String> orderOf,
                                           int orders, double failureRate) {
        List<String> problems = problems(ledgers, instances, orderOf, orders, failureRate);
        assertThat(problems).as("orders checked against the ledgers in %s:%n%s", ledgers,
                String.join("\n", problems.subList(0, Math.min(30, problems.size())))).isEmpty();
    }

    /** One row of a ledger table, as read. */
    private record Row(String key, String orderId, String status, String sku, long amount) {
    }

    static List<String> problems(Path ledgers, List<SagaRecord> instances, Function<SagaRecord, String> orderOf,
                                 int orders, double failureRate) {
        List<String> problems = new ArrayList<>();
        OrderBook book = new OrderBook(failureRate);
        Map<String, List<SagaRecord>> byOrder = instances.stream().collect(Collectors.groupingBy(orderOf));
        Map<String, Integer> numberOf = new HashMap<>();
        for (int n = 1; n <= orders; n++) {
            numberOf.put(OrderBook.id(n), n);
        }
        byOrder.keySet().stream().filter(id -> !numberOf.containsKey(id)).sorted()
                .forEach(id -> problems.add(id + ": a saga instance for an order that is not in the book"));

        Map<String, List<Row>> reservations = byOrder(read(ledgers, "inventory",
                "SELECT idempotency_key, order_id, status, sku, quantity FROM reservation"));
        Map<String, List<Row>> charges = byOrder(read(ledgers, "payments",
                "SELECT idempotency_key, order_id, status, '', amount_cents FROM charge"));
        Map<String, List<Row>> shipments = byOrder(read(ledgers, "shipping",
                "SELECT idempotency_key, order_id, 'SHIPPED', region, 1 FROM shipment"));
        Map<String, List<Row>> confirmations = byOrder(read(ledgers, "notifications",
                "SELECT idempotency_key, order_id, 'SENT', tracking_number, 1 FROM confirmation"));
        for (Map<String, List<Row>> ledger : List.of(reservations, charges, shipments, confirmations)) {
            ledger.keySet().stream().filter(id -> !numberOf.containsKey(id)).sorted()
                    .forEach(id -> problems.add(id + ": ledger rows for an order that is not in the book: " + ledger.get(id)));
        }

        Map<String, Long> takenByCompletedOrders = new TreeMap<>();
        for (int n = 1; n <= orders; n++) {
            String id = OrderBook.id(n);
            Order order = book.order(n);
            OrderBook.Fate fate = book.fate(n);
            List<SagaRecord> sagas = byOrder.getOrDefault(id, List.of());
            if (sagas.size() != 1) {
                problems.add(id + ": " + sagas.size() + " saga instances, not one");
                continue;
            }
            SagaRecord saga = sagas.getFirst();
            SagaState intended = fate == OrderBook.Fate.COMPLETES ? SagaState.COMPLETED : SagaState.FAILED;
            if (saga.state() != intended) {
                problems.add(id + ": saga " + saga.id() + " is " + saga.state() + ", its fate " + fate + " means " + intended);
            }
            List<Row> reserved = reservations.getOrDefault(id, List.of());
            List<Row> charged = charges.getOrDefault(id, List.of());
            List<Row> shipped = shipments.getOrDefault(id, List.of());
            List<Row> confirmed = confirmations.getOrDefault(id, List.of());
            for (List<Row> rows : List.of(reserved, charged, shipped, confirmed)) {
                for (Row row : rows) {
                    String step = row.key().substring(row.key().lastIndexOf('/') + 1);
                    if (!row.key().equals(saga.id() + "/" + step)) {
                        problems.add(id + ": ledger row " + row + " was written for another saga than its one instance " + saga.id());
                    }
                }
            }
            // Tombstones (a compensation that came first: quantity or amount 0) are no effect.
            List<Row> reservedUnits = reserved.stream().filter(r -> r.amount() > 0).toList();
            List<Row> chargedMoney = charged.stream().filter(r -> r.amount() > 0).toList();
            String effects = String.format("reservations %s, charges %s, shipments %d, confirmations %d",
                    reservedUnits.stream().map(Row::status).toList(), chargedMoney.stream().map(Row::status).toList(),
                    shipped.size(), confirmed.size());
            boolean right = switch (fate) {
                case COMPLETES -> reservedUnits.size() == 1 && reservedUnits.getFirst().status().equals("HELD")
                        && reservedUnits.getFirst().sku().equals(order.sku())
                        && reservedUnits.getFirst().amount() == order.quantity()
                        && chargedMoney.size() == 1 && chargedMoney.getFirst().status().equals("CHARGED")
                        && chargedMoney.getFirst().amount() == order.amountCents()
                        && shipped.size() == 1 && shipped.getFirst().sku().equals(order.region())
                        && confirmed.size() == 1;
                // Refused at the first step: nothing was taken, so nothing is undone.
                case NO_STOCK -> reservedUnits.isEmpty() && chargedMoney.isEmpty() && shipped.isEmpty() && confirmed.isEmpty();
                // Refused at the second: the reservation was made and released.
                case CARD_DECLINED -> released(reservedUnits, order) && chargedMoney.isEmpty() && shipped.isEmpty()
                        && confirmed.isEmpty();
                // Refused at the pivot: reservation released, charge refunded.
                case CARRIER_DOWN -> released(reservedUnits, order) && chargedMoney.size() == 1
                        && chargedMoney.getFirst().status().equals("REFUNDED")
                        && chargedMoney.getFirst().amount() == order.amountCents()
                        && shipped.isEmpty() && confirmed.isEmpty();
            };
            if (!right) {
                problems.add(id + ": fate " + fate + ", saga " + saga.state() + ", but " + effects);
            }
            if (fate == OrderBook.Fate.COMPLETES) {
                takenByCompletedOrders.merge(order.sku(), (long) order.quantity(), Long::sum);
            }
        }

        Map<String, Long> held = new TreeMap<>();
        reservations.values().stream().flatMap(List::stream).filter(r -> r.status().equals("HELD"))
                .forEach(r -> held.merge(r.sku(), r.amount(), Long::sum));
        for (Row stock : read(ledgers, "inventory", "SELECT sku, sku, '', sku, initial - available FROM stock")) {
            long taken = stock.amount();
            if (taken != held.getOrDefault(stock.sku(), 0L)) {
                problems.add("stock of " + stock.sku() + ": " + taken + " units taken, " + held.getOrDefault(stock.sku(), 0L)
                        + " held by reservations");
            }
            if (taken != takenByCompletedOrders.getOrDefault(stock.sku(), 0L)) {
                problems.add("stock of " + stock.sku() + ": " + taken + " units taken, the completed orders took "
                        + takenByCompletedOrders.getOrDefault(stock.sku(), 0L));
            }
        }
        if (read(ledgers, "inventory", "SELECT sku, sku, '', sku, initial FROM stock").stream()
                .anyMatch(s -> s.amount() != (s.sku().equals(OrderBook.SOLD_OUT_SKU) ? 0 : InventoryService.INITIAL_STOCK))) {
            problems.add("stock: an initial level was changed");
        }
        return problems;
    }

    private static boolean released(List<Row> reserved, Order order) {
        return reserved.size() == 1 && reserved.getFirst().status().equals("RELEASED")
                && reserved.getFirst().sku().equals(order.sku()) && reserved.getFirst().amount() == order.quantity();
    }

    private static Map<String, List<Row>> byOrder(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::orderId));
    }

    /** Rows of a five-column query on one service's ledger, read with a connection of its own. */
    private static List<Row> read(Path ledgers, String service, String sql) {
        Path file = ledgers.resolve(service + ".db");
        assertThat(file).as("the %s ledger", service).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
