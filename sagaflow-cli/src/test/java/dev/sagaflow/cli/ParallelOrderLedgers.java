package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.InventoryService;
import dev.sagaflow.examples.orders.OrderBook;
import dev.sagaflow.examples.orders.OrderLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel demo ({@code demo --parallel}) checked from outside it, in plain SQL on the saga store
 * and the four ledgers, against what the {@link OrderBook} meant each order and each line to do. It
 * shares no code with the demo's {@code LedgerAudit}. {@link ChildSagaCheckersTest} shows it fail on
 * planted faults.
 *
 * <p>The store: every saga terminal; per order one parent, ended as its fate says; its children
 * exactly one per line ({@code P/0/i}, saga {@code …reserve-lines}) and one payment ({@code P/1/0})
 * unless no stock stopped it first, and no other; each child started once, no step of it succeeded
 * twice, no compensation twice; the parent started its children and decided each join once per step.
 * The ledgers: each line's reservation under its child's key with its SKU and quantity, held when the
 * order completed and released once when it failed after the line was reserved; the authorization
 * and the capture under the payment child's keys, held / voided and charged / refunded as the fate
 * says; one shipment and one confirmation for a completed order, none otherwise; no row of an order
 * outside the book; stock taken exactly as the completed orders' lines took it.
 */
final class ParallelOrderLedgers {
    static final String PARENT = "order-fulfilment-parallel";
    static final String LINE = PARENT + ".reserve-lines";
    static final String PAYMENT = "order-payment";
    static final String TERMINAL = "('COMPLETED','FAILED','CANCELLED')";

    private ParallelOrderLedgers() {
    }

    static void assertEveryOrderAsIntended(Path data, int orders, double failureRate) {
        List<String> problems = problems(data, orders, failureRate);
        assertThat(problems).as("orders of the parallel demo checked against the store and the ledgers in %s:%n%s", data,
                String.join("\n", problems.subList(0, Math.min(30, problems.size())))).isEmpty();
    }

    private record Saga(String id, String name, String key, String state, String parent) {
    }

    /** A ledger row: key, order, status, what (SKU, region…), amount. */
    private record Row(String key, String order, String status, String what, long amount) {
    }

    static List<String> problems(Path data, int orders, double failureRate) {
        Path store = data.resolve("sagas.db");
        OrderBook book = new OrderBook(failureRate);
        List<String> problems = new ArrayList<>();
        List<Saga> sagas = SqlRows.read(store, "SELECT id, saga_name, idempotency_key, state, parent_id FROM saga_instance")
                .stream().map(r -> new Saga(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4))).toList();
        sagas.stream().filter(s -> !TERMINAL.contains("'" + s.state() + "'")).limit(10)
                .forEach(s -> problems.add("saga " + s.id() + " (" + s.name() + ") is " + s.state() + ", not ended"));
        Map<String, List<Saga>> parentsByOrder = sagas.stream().filter(s -> s.name().equals(PARENT))
                .collect(Collectors.groupingBy(Saga::key));
        Map<String, List<Saga>> childrenOf = sagas.stream().filter(s -> s.parent() != null)
                .collect(Collectors.groupingBy(Saga::parent));
        Map<String, Map<String, Integer>> history = historyCounts(store);
        for (Saga s : sagas) {
            Map<String, Integer> h = history.getOrDefault(s.id(), Map.of());
            h.forEach((what, n) -> {
                if (n > 1 && (what.startsWith("SAGA_STARTED") || what.startsWith("STEP_SUCCEEDED ")
                        || what.startsWith("COMPENSATION_SUCCEEDED ") || what.startsWith("CHILDREN_STARTED ")
                        || what.startsWith("JOIN_DECIDED "))) {
                    problems.add("saga " + s.id() + ": " + what + " recorded " + n + " times");
                }
            });
        }
        Set<String> known = new HashSet<>();
        Map<String, String> parentOfOrder = new HashMap<>();
        for (int n = 1; n <= orders; n++) {
            known.add(OrderBook.id(n));
            List<Saga> parents = parentsByOrder.getOrDefault(OrderBook.id(n), List.of());
            if (parents.size() != 1) {
                problems.add(OrderBook.id(n) + ": " + parents.size() + " parent sagas, not one");
            } else {
                parentOfOrder.put(OrderBook.id(n), parents.getFirst().id());
            }
        }
        parentsByOrder.keySet().stream().filter(id -> !known.contains(id)).sorted()
                .forEach(id -> problems.add(id + ": a saga for an order not in the book"));
        Map<String, List<Row>> reservations = byOrder(SqlRows.read(data.resolve("inventory.db"),
                "SELECT idempotency_key, order_id, status, sku, quantity FROM reservation"));
        Map<String, List<Row>> authorizations = byOrder(SqlRows.read(data.resolve("payments.db"),
                "SELECT idempotency_key, order_id, status, '', amount_cents FROM authorization"));
        Map<String, List<Row>> charges = byOrder(SqlRows.read(data.resolve("payments.db"),
                "SELECT idempotency_key, order_id, status, '', amount_cents FROM charge"));
        Map<String, List<Row>> shipments = byOrder(SqlRows.read(data.resolve("shipping.db"),
                "SELECT idempotency_key, order_id, 'SHIPPED', region, 1 FROM shipment"));
        Map<String, List<Row>> confirmations = byOrder(SqlRows.read(data.resolve("notifications.db"),
                "SELECT idempotency_key, order_id, 'SENT', '', 1 FROM confirmation"));
        for (Map<String, List<Row>> ledger : List.of(reservations, authorizations, charges, shipments, confirmations)) {
            ledger.keySet().stream().filter(id -> !known.contains(id)).sorted()
                    .forEach(id -> problems.add(id + ": ledger rows for an order not in the book: " + ledger.get(id)));
        }

        Map<String, Long> takenByCompleted = new TreeMap<>();
        for (int n = 1; n <= orders; n++) {
            String order = OrderBook.id(n);
            String p = parentOfOrder.get(order);
            if (p == null) {
                continue;
            }
            OrderBook.Fate fate = book.fate(n);
            List<OrderLine> lines = book.lines(n);
            Saga parent = parentsByOrder.get(order).getFirst();
            String intended = fate == OrderBook.Fate.COMPLETES ? "COMPLETED" : "FAILED";
            if (!parent.state().equals(intended)) {
                problems.add(order + ": saga " + p + " is " + parent.state() + ", its fate " + fate + " means " + intended);
            }
            // Children: exactly one per line and the payment unless the lines failed first.
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                expected.add(p + "/0/" + i + " " + LINE);
            }
            if (fate != OrderBook.Fate.NO_STOCK) {
                expected.add(p + "/1/0 " + PAYMENT);
            }
            Set<String> actual = new HashSet<>();
            for (Saga child : childrenOf.getOrDefault(p, List.of())) {
                if (!actual.add(child.id() + " " + child.name())) {
                    problems.add(order + ": child " + child.id() + " twice");
                }
            }
            if (!actual.equals(expected)) {
                problems.add(order + ": children " + new TreeMap<>(Map.of("are", new java.util.TreeSet<>(actual)))
                        + ", should be " + new java.util.TreeSet<>(expected));
            }
            Map<String, String> childState = new HashMap<>();
            childrenOf.getOrDefault(p, List.of()).forEach(c -> childState.put(c.id(), c.state()));
            String payment = childState.get(p + "/1/0");
            String paymentWanted = switch (fate) {
                case COMPLETES -> "COMPLETED";
                case NO_STOCK -> null;
                case CARD_DECLINED -> "FAILED";
                case CARRIER_DOWN -> "CANCELLED"; // completed, then compensated for the parent
            };
            if (!java.util.Objects.equals(payment, paymentWanted)) {
                problems.add(order + ": payment child is " + payment + ", fate " + fate + " means " + paymentWanted);
            }

            List<Row> reserved = reservations.getOrDefault(order, List.of());
            for (Row row : reserved) {
                if (!row.key().matches(java.util.regex.Pattern.quote(p) + "/0/\\d+/reserve-line")) {
                    problems.add(order + ": reservation " + row + " is not under one of its line children's keys");
                }
            }
            for (OrderLine line : lines) {
                String key = p + "/0/" + line.index() + "/reserve-line";
                List<Row> rows = reserved.stream().filter(r -> r.key().equals(key)).toList();
                List<Row> units = rows.stream().filter(r -> r.amount() > 0).toList(); // amount 0: a release that came first
                boolean soldOut = line.sku().equals(OrderBook.SOLD_OUT_SKU);
                boolean right = switch (fate) {
                    case COMPLETES -> units.size() == 1 && held(units.getFirst(), line);
                    case NO_STOCK -> soldOut ? units.isEmpty() : units.isEmpty() || units.size() == 1 && released(units.getFirst(), line);
                    case CARD_DECLINED, CARRIER_DOWN -> units.size() == 1 && released(units.getFirst(), line);
                };
                if (!right || rows.size() > 1) {
                    problems.add(order + ": line " + line.index() + " (" + line.sku() + " x" + line.quantity() + "), fate "
                            + fate + ", reservation rows " + rows);
                }
                if (fate == OrderBook.Fate.COMPLETES) {
                    takenByCompleted.merge(line.sku(), (long) line.quantity(), Long::sum);
                }
            }
            long amount = book.order(n).amountCents();
            String wantedHold = switch (fate) {
                case COMPLETES -> "AUTHORIZED";
                case CARRIER_DOWN -> "VOIDED";
                default -> null;
            };
            String wantedCharge = switch (fate) {
                case COMPLETES -> "CHARGED";
                case CARRIER_DOWN -> "REFUNDED";
                default -> null;
            };
            checkOne(problems, order, "authorization", authorizations.getOrDefault(order, List.of()), p + "/1/0/authorize",
                    wantedHold, amount);
            checkOne(problems, order, "charge", charges.getOrDefault(order, List.of()), p + "/1/0/capture", wantedCharge, amount);
            checkOne(problems, order, "shipment", shipments.getOrDefault(order, List.of()), p + "/create-shipment",
                    fate == OrderBook.Fate.COMPLETES ? "SHIPPED" : null, 1);
            checkOne(problems, order, "confirmation", confirmations.getOrDefault(order, List.of()), p + "/send-confirmation",
                    fate == OrderBook.Fate.COMPLETES ? "SENT" : null, 1);
        }

        Map<String, Long> held = new TreeMap<>();
        reservations.values().stream().flatMap(List::stream).filter(r -> r.status().equals("HELD"))
                .forEach(r -> held.merge(r.what(), r.amount(), Long::sum));
        for (List<String> stock : SqlRows.read(data.resolve("inventory.db"), "SELECT sku, initial, initial - available FROM stock")) {
            String sku = stock.get(0);
            long taken = Long.parseLong(stock.get(2));
            if (taken != held.getOrDefault(sku, 0L) || taken != takenByCompleted.getOrDefault(sku, 0L)) {
                problems.add("stock of " + sku + ": " + taken + " units taken, " + held.getOrDefault(sku, 0L)
                        + " held by reservations, the completed orders' lines took " + takenByCompleted.getOrDefault(sku, 0L));
            }
            long initial = Long.parseLong(stock.get(1));
            if (initial != (sku.equals(OrderBook.SOLD_OUT_SKU) ? 0 : InventoryService.INITIAL_STOCK)) {
                problems.add("stock of " + sku + ": initial level changed to " + initial);
            }
        }
        return problems;
    }

    /** The effects with an amount under {@code key}: exactly one in {@code status} of {@code amount}, or none when status is null. */
    private static void checkOne(List<String> problems, String order, String what, List<Row> rows, String key, String status,
                                 long amount) {
        List<Row> effects = rows.stream().filter(r -> r.amount() > 0).toList();
        boolean right = status == null ? effects.isEmpty()
                : effects.size() == 1 && effects.getFirst().key().equals(key) && effects.getFirst().status().equals(status)
                && effects.getFirst().amount() == amount;
        if (!right || rows.stream().anyMatch(r -> !r.key().equals(key))) {
            problems.add(order + ": " + what + " rows " + rows + ", wanted " + (status == null ? "none" : "one " + status
                    + " of " + amount + " under " + key));
        }
    }

    private static boolean held(Row row, OrderLine line) {
        return row.status().equals("HELD") && row.what().equals(line.sku()) && row.amount() == line.quantity();
    }

    private static boolean released(Row row, OrderLine line) {
        return row.status().equals("RELEASED") && row.what().equals(line.sku()) && row.amount() == line.quantity();
    }

    /** Per saga: how often each kind of entry appears for each step ("TYPE step"). */
    private static Map<String, Map<String, Integer>> historyCounts(Path store) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (List<String> r : SqlRows.read(store, "SELECT saga_id, type, COALESCE(step, ''), count(*) FROM saga_history "
                + "GROUP BY saga_id, type, step")) {
            counts.computeIfAbsent(r.get(0), k -> new HashMap<>()).put(r.get(1) + " " + r.get(2), Integer.parseInt(r.get(3)));
        }
        return counts;
    }

    private static Map<String, List<Row>> byOrder(List<List<String>> rows) {
        return rows.stream().map(r -> new Row(r.get(0), r.get(1), r.get(2), r.get(3), Long.parseLong(r.get(4))))
                .collect(Collectors.groupingBy(Row::order));
    }
}
