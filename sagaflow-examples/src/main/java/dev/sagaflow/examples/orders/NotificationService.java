package dev.sagaflow.examples.orders;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Sends order confirmations, once per idempotency key. */
public final class NotificationService extends Participant {

    public NotificationService(Path file, Faults faults, Duration callTime) {
        super("notifications", new Ledger(file,
                "CREATE TABLE IF NOT EXISTS confirmation (idempotency_key TEXT PRIMARY KEY, order_id TEXT NOT NULL, "
                        + "tracking_number TEXT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS confirmation_order ON confirmation (order_id)"), faults, callTime);
    }

    public void confirm(String key, Order order) throws Exception {
        call("confirm", order.id(), key, confirming(key, order));
    }

    /** Confirms inside the caller's transaction (a message handler's). */
    public void confirm(java.sql.Connection connection, String key, Order order) throws Exception {
        callIn(connection, "confirm", order.id(), key, confirming(key, order));
    }

    private static Operation<Integer> confirming(String key, Order order) {
        return c -> Ledger.update(c, "INSERT OR IGNORE INTO confirmation VALUES (?, ?, ?)", key, order.id(),
                order.trackingNumber());
    }

    public Map<String, Integer> confirmationsByOrder() {
        return Audits.countByOrder(ledger, "confirmation");
    }
}
