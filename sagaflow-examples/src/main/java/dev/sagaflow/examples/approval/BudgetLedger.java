package dev.sagaflow.examples.approval;

import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.Ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The purchasing department's own database ({@code budget.db}, SQLite, WAL, {@code synchronous=FULL}):
 * the budget, the registered requests, reservations, orders and notices to requesters. Every call is
 * one local transaction keyed by the step's idempotency key, so a retried or repeated call (after a
 * lost reply, a crash, a second node) has no second effect. A release that comes before its
 * reservation leaves a RELEASED tombstone, so a late reservation changes nothing.
 */
public final class BudgetLedger implements AutoCloseable {
    /** Cents in the budget when the ledger is created. */
    public static final long INITIAL_BUDGET = 1_000_000_000_000L;
    static final String ACCOUNT = "purchasing";

    private final Ledger ledger;
    private final Faults faults;
    private final Duration callTime;

    public BudgetLedger(Path file, Faults faults, Duration callTime) {
        this.faults = faults;
        this.callTime = callTime;
        this.ledger = new Ledger(file,
                "CREATE TABLE IF NOT EXISTS budget (account TEXT PRIMARY KEY, initial INTEGER NOT NULL, "
                        + "available INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS registration (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, requester TEXT NOT NULL, amount INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS reservation (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, amount INTEGER NOT NULL, status TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS purchase_order (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, amount INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS notice (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, message TEXT NOT NULL)",
                "INSERT OR IGNORE INTO budget VALUES ('" + ACCOUNT + "', " + INITIAL_BUDGET + ", " + INITIAL_BUDGET + ")");
    }

    public Path file() {
        return ledger.file();
    }

    public void register(String key, PurchaseRequest r) {
        call("register", r, key, c -> Ledger.update(c, "INSERT OR IGNORE INTO registration VALUES (?, ?, ?, ?)", key, r.id(),
                r.requester(), r.amountCents()));
    }

    public void reserve(String key, PurchaseRequest r) {
        call("reserve", r, key, c -> {
            if (Ledger.text(c, "SELECT status FROM reservation WHERE idempotency_key = ?", key) != null) {
                return 0; // done before, or released before it came
            }
            Ledger.update(c, "UPDATE budget SET available = available - ? WHERE account = ?", r.amountCents(), ACCOUNT);
            return Ledger.update(c, "INSERT INTO reservation VALUES (?, ?, ?, 'HELD')", key, r.id(), r.amountCents());
        });
    }

    public void release(String key, PurchaseRequest r) {
        call("release", r, key, c -> {
            String status = Ledger.text(c, "SELECT status FROM reservation WHERE idempotency_key = ?", key);
            if (status == null) {
                return Ledger.update(c, "INSERT INTO reservation VALUES (?, ?, 0, 'RELEASED')", key, r.id());
            }
            if (status.equals("HELD")) {
                Ledger.update(c, "UPDATE budget SET available = available + (SELECT amount FROM reservation "
                        + "WHERE idempotency_key = ?) WHERE account = ?", key, ACCOUNT);
                return Ledger.update(c, "UPDATE reservation SET status = 'RELEASED' WHERE idempotency_key = ?", key);
            }
            return 0;
        });
    }

    public void placeOrder(String key, PurchaseRequest r) {
        call("order", r, key, c -> Ledger.update(c, "INSERT OR IGNORE INTO purchase_order VALUES (?, ?, ?)", key, r.id(),
                r.amountCents()));
    }

    public void notifyRequester(String key, PurchaseRequest r, String message) {
        call("notify", r, key, c -> Ledger.update(c, "INSERT OR IGNORE INTO notice VALUES (?, ?, ?)", key, r.id(), message));
    }

    /** One call as a remote service would take it: its time, maybe unreachable, one transaction, maybe a lost reply. */
    private void call(String operation, PurchaseRequest r, String key, Ledger.Work<Integer> work) {
        Faults.Call call = new Faults.Call("budget", operation, r.id(), key);
        if (!callTime.isZero()) {
            try {
                Thread.sleep(callTime);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        faults.before(call);
        inTransaction(work);
        faults.after(call);
    }

    <T> T inTransaction(Ledger.Work<T> work) {
        return ledger.inTransaction(work);
    }

    /** What the ledger holds for one request. */
    public record Effects(int registered, int held, int released, int ordered, int notified) {
        static final Effects NONE = new Effects(0, 0, 0, 0, 0);
    }

    /** Every request the ledger holds anything for, by request id. */
    public Map<String, Effects> effectsByRequest() {
        return inTransaction(c -> {
            Map<String, int[]> counts = new HashMap<>();
            count(c, counts, "SELECT request_id, 0 FROM registration", 0);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT request_id, status FROM reservation")) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new int[5])["HELD".equals(rs.getString(2)) ? 1 : 2]++;
                }
            }
            count(c, counts, "SELECT request_id, 0 FROM purchase_order", 3);
            count(c, counts, "SELECT request_id, 0 FROM notice", 4);
            Map<String, Effects> effects = new HashMap<>();
            counts.forEach((id, n) -> effects.put(id, new Effects(n[0], n[1], n[2], n[3], n[4])));
            return effects;
        });
    }

    private static void count(Connection c, Map<String, int[]> counts, String sql, int column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), k -> new int[5])[column]++;
            }
        }
    }

    /** Cents the budget is off by against its held reservations (0 when it adds up). */
    public long budgetDiscrepancy() {
        return inTransaction(c -> Ledger.number(c, "SELECT b.initial - b.available - COALESCE((SELECT SUM(amount) "
                + "FROM reservation WHERE status = 'HELD'), 0) FROM budget b WHERE account = ?", ACCOUNT));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
