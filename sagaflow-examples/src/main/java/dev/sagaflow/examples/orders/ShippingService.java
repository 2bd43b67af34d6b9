package dev.sagaflow.examples.orders;

import dev.sagaflow.examples.orders.BusinessFailures.CarrierDownException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Creates shipments, once per idempotency key. The pivot: a shipment is never undone. */
public final class ShippingService extends Participant {

    public ShippingService(Path file, Faults faults, Duration callTime) {
        super("shipping", new Ledger(file,
                "CREATE TABLE IF NOT EXISTS shipment (idempotency_key TEXT PRIMARY KEY, tracking_number TEXT NOT NULL, "
                        + "order_id TEXT NOT NULL, region TEXT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS shipment_order ON shipment (order_id)"), faults, callTime);
    }

    /** Returns the tracking number (the same one on a repeated call). */
    public String ship(String key, Order order) throws Exception {
        return call("ship", order.id(), key, shipping(key, order));
    }

    /** Ships inside the caller's transaction (a message handler's). */
    public String ship(java.sql.Connection connection, String key, Order order) throws Exception {
        return callIn(connection, "ship", order.id(), key, shipping(key, order));
    }

    private static Operation<String> shipping(String key, Order order) {
        return c -> {
            String existing = Ledger.text(c, "SELECT tracking_number FROM shipment WHERE idempotency_key = ?", key);
            if (existing != null) {
                return existing;
            }
            if (order.region().equals(OrderBook.UNSERVED_REGION)) {
                throw new CarrierDownException(order.region());
            }
            String tracking = "TRK" + Integer.toHexString(key.hashCode()).toUpperCase();
            Ledger.update(c, "INSERT INTO shipment VALUES (?, ?, ?, ?)", key, tracking, order.id(), order.region());
            return tracking;
        };
    }

    public Map<String, Integer> shipmentsByOrder() {
        return Audits.countByOrder(ledger, "shipment");
    }
}
