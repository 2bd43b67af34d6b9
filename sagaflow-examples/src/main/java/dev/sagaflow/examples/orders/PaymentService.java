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
                "CREATE INDEX IF NOT EXISTS charge_order ON charge (order_id)",
                // Only the parallel demo's payment sub-saga authorizes before it captures.
                "CREATE TABLE IF NOT EXISTS authorization (idempotency_key TEXT PRIMARY KEY, authorization_id TEXT NOT NULL, "
                        + "order_id TEXT NOT NULL, amount_cents INTEGER NOT NULL, status TEXT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS authorization_order ON authorization (order_id)"), faults, callTime);
    }

    /** Holds the amount on the card once per key; returns the authorization id (the same on a repeated call). */
    public String authorize(String key, Payment payment) throws Exception {
        return call("authorize", payment.orderId(), key, c -> {
            String existing = Ledger.text(c, "SELECT authorization_id FROM authorization WHERE idempotency_key = ?", key);
            if (existing != null) {
                return existing; // held before, or voided before it came (a tombstone): nothing more to do
            }
            if (payment.card().equals(OrderBook.DECLINED_CARD)) {
                throw new CardDeclinedException(payment.card());
            }
            String authorizationId = "auth_" + Integer.toHexString(key.hashCode());
            Ledger.update(c, "INSERT INTO authorization VALUES (?, ?, ?, ?, 'AUTHORIZED')", key, authorizationId,
                    payment.orderId(), payment.amountCents());
            return authorizationId;
        });
    }

    /** Lets the hold go; one that comes before its authorization leaves a VOIDED tombstone of amount 0. */
    public void voidAuthorization(String key, Payment payment) throws Exception {
        call("void", payment.orderId(), key, c -> {
            if (Ledger.update(c, "UPDATE authorization SET status = 'VOIDED' WHERE idempotency_key = ?", key) == 0) {
                Ledger.update(c, "INSERT INTO authorization VALUES (?, 'none', ?, 0, 'VOIDED')", key, payment.orderId());
            }
            return null;
        });
    }

    /** Takes the authorized amount: a charge row under the capture's own key. */
    public String capture(String key, Payment payment) throws Exception {
        return call("capture", payment.orderId(), key, c -> {
            String existing = Ledger.text(c, "SELECT charge_id FROM charge WHERE idempotency_key = ?", key);
            if (existing != null) {
                return existing;
            }
            String chargeId = "ch_" + Integer.toHexString(key.hashCode());
            Ledger.update(c, "INSERT INTO charge VALUES (?, ?, ?, ?, 'CHARGED')", key, chargeId, payment.orderId(),
                    payment.amountCents());
            return chargeId;
        });
    }

    /** Refunds a capture (a tombstone when the refund comes first). */
    public void refundCapture(String key, Payment payment) throws Exception {
        call("refund", payment.orderId(), key, refunding(key, payment.orderId()));
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
        return refunding(key, order.id());
    }

    private static Operation<Void> refunding(String key, String orderId) {
        return c -> {
            if (Ledger.update(c, "UPDATE charge SET status = 'REFUNDED' WHERE idempotency_key = ?", key) == 0) {
                Ledger.update(c, "INSERT INTO charge VALUES (?, 'none', ?, 0, 'REFUNDED')", key, orderId);
            }
            return null;
        };
    }

    /** Authorizations per order with an amount: [authorized, voided]. */
    public Map<String, int[]> authorizationsByOrder() {
        return Audits.countByOrderAndStatus(ledger, "authorization", "amount_cents > 0", "AUTHORIZED");
    }

    /** Charges per order with an amount: [charged, refunded]. */
    public Map<String, int[]> chargesByOrder() {
        return Audits.countByOrderAndStatus(ledger, "charge", "amount_cents > 0", "CHARGED");
    }
}
