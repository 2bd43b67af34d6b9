package dev.sagaflow.examples.orders;

import dev.sagaflow.examples.orders.BusinessFailures.CardDeclinedException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Charges keyed by idempotency key, CHARGED or REFUNDED; a refund that comes first leaves a tombstone. */
public final class PaymentService extends Participant {

    public PaymentService(Path file, Faults faults, Duration callTime) {
        super("payments", new Ledger(file,
                "CREATE TABLE IF NOT EXISTS charge (idempotency_key TEXT PRIMARY KEY, charge_id TEXT NOT NULL, "
                        + "order_id TEXT NOT NULL, amount_cents INTEGER NOT NULL, status TEXT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS charge_order ON charge (order_id)"), faults, callTime);
    }

    /** Charges the order's card once; returns the charge id (the same one on a repeated call). */
    public String charge(String key, Order order) throws Exception {
        return call("charge", order.id(), key, charging(key, order));
    }

    /** Charges inside the caller's transaction (a message handler's). */
    public String charge(java.sql.Connection connection, String key, Order order) throws Exception {
        return callIn(connection, "charge", order.id(), key, charging(key, order));
    }

    private static Operation<String> charging(String key, Order order) {
        return c -> {
            String existing = Ledger.text(c, "SELECT charge_id FROM charge WHERE idempotency_key = ?", key);
            if (existing != null) {
                return existing;
            }
            if (order.card().equals(OrderBook.DECLINED_CARD)) {
                throw new CardDeclinedException(order.card());
            }
            String chargeId = "ch_" + Integer.toHexString(key.hashCode());
            Ledger.update(c, "INSERT INTO charge VALUES (?, ?, ?, ?, 'CHARGED')", key, chargeId, order.id(),
                    order.amountCents());
            return chargeId;
        };
    }

    public void refund(String key, Order order) throws Exception {
        call("refund", order.id(), key, refunding(key, order));
    }

    /** Refunds inside the caller's transaction (a message handler's). */
    public void refund(java.sql.Connection connection, String key, Order order) throws Exception {
        callIn(connection, "refund", order.id(), key, refunding(key, order));
    }

    private static Operation<Void> refunding(String key, Order order) {
        return c -> {
            if (Ledger.update(c, "UPDATE charge SET status = 'REFUNDED' WHERE idempotency_key = ?", key) == 0) {
                Ledger.update(c, "INSERT INTO charge VALUES (?, 'none', ?, 0, 'REFUNDED')", key, order.id());
            }
            return null;
        };
    }

    /** Charges per order with an amount: [charged, refunded]. */
    public Map<String, int[]> chargesByOrder() {
        return Audits.countByOrderAndStatus(ledger, "charge", "amount_cents > 0", "CHARGED");
    }
}
