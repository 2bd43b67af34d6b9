package dev.sagaflow.examples.orders;

import dev.sagaflow.examples.orders.BusinessFailures.OutOfStockException;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds stock per SKU and reservations keyed by the step's idempotency key. A reservation is HELD
 * or RELEASED; a release that comes first leaves a RELEASED tombstone, so a reserve that arrives
 * after it (a late retry) changes nothing.
 */
public final class InventoryService extends Participant {
    /** Units of each SKU in stock when the ledger is created. */
    public static final long INITIAL_STOCK = 1_000_000_000L;

    public InventoryService(Path file, Faults faults, Duration callTime) {
        super("inventory", new Ledger(file,
                "CREATE TABLE IF NOT EXISTS stock (sku TEXT PRIMARY KEY, initial INTEGER NOT NULL, available INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS reservation (idempotency_key TEXT PRIMARY KEY, order_id TEXT NOT NULL, "
                        + "sku TEXT NOT NULL, quantity INTEGER NOT NULL, status TEXT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS reservation_order ON reservation (order_id)"), faults, callTime);
        ledger.inTransaction(c -> {
            for (String sku : OrderBook.SKUS) {
                Ledger.update(c, "INSERT OR IGNORE INTO stock VALUES (?, ?, ?)", sku, INITIAL_STOCK, INITIAL_STOCK);
            }
            return Ledger.update(c, "INSERT OR IGNORE INTO stock VALUES (?, 0, 0)", OrderBook.SOLD_OUT_SKU);
        });
    }

    public void reserve(String key, Order order) throws Exception {
        call("reserve", order.id(), key, reserving(key, order));
    }

    /** Reserves inside the caller's transaction (a message handler's). */
    public void reserve(java.sql.Connection connection, String key, Order order) throws Exception {
        callIn(connection, "reserve", order.id(), key, reserving(key, order));
    }

    /** Reserves one line of an order (the parallel demo: one reservation per line, each under its own key). */
    public void reserveLine(String key, OrderLine line) throws Exception {
        call("reserve", line.orderId(), key, reserving(key, line.orderId(), line.sku(), line.quantity()));
    }

    /** Releases one line's reservation. */
    public void releaseLine(String key, OrderLine line) throws Exception {
        call("release", line.orderId(), key, releasing(key, line.orderId(), line.sku()));
    }

    private static Operation<Void> reserving(String key, Order order) {
        return reserving(key, order.id(), order.sku(), order.quantity());
    }

    private static Operation<Void> reserving(String key, String orderId, String sku, int quantity) {
        return c -> {
            if (Ledger.text(c, "SELECT status FROM reservation WHERE idempotency_key = ?", key) != null) {
                return null; // done before, or released before it came: either way, nothing more to do
            }
            long available = Ledger.number(c, "SELECT available FROM stock WHERE sku = ?", sku);
            if (available < quantity) {
                throw new OutOfStockException(sku, quantity, available);
            }
            Ledger.update(c, "UPDATE stock SET available = available - ? WHERE sku = ?", quantity, sku);
            Ledger.update(c, "INSERT INTO reservation VALUES (?, ?, ?, ?, 'HELD')", key, orderId, sku, quantity);
            return null;
        };
    }

    public void release(String key, Order order) throws Exception {
        call("release", order.id(), key, releasing(key, order));
    }

    /** Releases inside the caller's transaction (a message handler's). */
    public void release(java.sql.Connection connection, String key, Order order) throws Exception {
        callIn(connection, "release", order.id(), key, releasing(key, order));
    }

    private static Operation<Void> releasing(String key, Order order) {
        return releasing(key, order.id(), order.sku());
    }

    private static Operation<Void> releasing(String key, String orderId, String sku) {
        return c -> {
            String status = Ledger.text(c, "SELECT status FROM reservation WHERE idempotency_key = ?", key);
            if (status == null) {
                Ledger.update(c, "INSERT INTO reservation VALUES (?, ?, ?, 0, 'RELEASED')", key, orderId, sku);
            } else if (status.equals("HELD")) {
                Ledger.update(c, "UPDATE stock SET available = available + (SELECT quantity FROM reservation "
                        + "WHERE idempotency_key = ?) WHERE sku = ?", key, sku);
                Ledger.update(c, "UPDATE reservation SET status = 'RELEASED' WHERE idempotency_key = ?", key);
            }
            return null;
        };
    }

    /** Reservations per order: [held, released]. */
    public Map<String, int[]> reservationsByOrder() {
        return Audits.countByOrderAndStatus(ledger, "reservation", "quantity > 0", "HELD");
    }

    /** SKUs whose stock does not add up: initial minus held reservations must equal what is available. */
    public Map<String, Long> stockDiscrepancies() {
        return ledger.inTransaction(c -> {
            Map<String, Long> wrong = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT s.sku, s.initial - s.available - COALESCE((SELECT SUM(quantity) "
                         + "FROM reservation r WHERE r.sku = s.sku AND r.status = 'HELD'), 0) FROM stock s")) {
                while (rs.next()) {
                    if (rs.getLong(2) != 0) {
                        wrong.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return wrong;
        });
    }
}
