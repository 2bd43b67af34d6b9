package dev.sagaflow.examples.approval;

import dev.sagaflow.examples.orders.Faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

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

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Faults faults;
    private final Duration callTime;

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public BudgetLedger(Path file, Faults faults, Duration callTime) {
        this.file = file;
        this.faults = faults;
        this.callTime = callTime;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("CREATE TABLE IF NOT EXISTS budget (account TEXT PRIMARY KEY, initial INTEGER NOT NULL, "
                        + "available INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS registration (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, requester TEXT NOT NULL, amount INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS reservation (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, amount INTEGER NOT NULL, status TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS purchase_order (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, amount INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS notice (idempotency_key TEXT PRIMARY KEY, "
                        + "request_id TEXT NOT NULL, message TEXT NOT NULL)");
                s.execute("INSERT OR IGNORE INTO budget VALUES ('" + ACCOUNT + "', " + INITIAL_BUDGET + ", "
                        + INITIAL_BUDGET + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the budget ledger " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public void register(String key, PurchaseRequest r) {
        call("register", r, key, c -> update(c, "INSERT OR IGNORE INTO registration VALUES (?, ?, ?, ?)", key, r.id(),
                r.requester(), r.amountCents()));
    }

    public void reserve(String key, PurchaseRequest r) {
        call("reserve", r, key, c -> {
            if (text(c, "SELECT status FROM reservation WHERE idempotency_key = ?", key) != null) {
                return 0; // done before, or released before it came
            }
            update(c, "UPDATE budget SET available = available - ? WHERE account = ?", r.amountCents(), ACCOUNT);
            return update(c, "INSERT INTO reservation VALUES (?, ?, ?, 'HELD')", key, r.id(), r.amountCents());
        });
    }

    public void release(String key, PurchaseRequest r) {
        call("release", r, key, c -> {
            String status = text(c, "SELECT status FROM reservation WHERE idempotency_key = ?", key);
            if (status == null) {
                return update(c, "INSERT INTO reservation VALUES (?, ?, 0, 'RELEASED')", key, r.id());
            }
            if (status.equals("HELD")) {
                update(c, "UPDATE budget SET available = available + (SELECT amount FROM reservation "
                        + "WHERE idempotency_key = ?) WHERE account = ?", key, ACCOUNT);
                return update(c, "UPDATE reservation SET status = 'RELEASED' WHERE idempotency_key = ?", key);
            }
            return 0;
        });
    }

    public void placeOrder(String key, PurchaseRequest r) {
        call("order", r, key, c -> update(c, "INSERT OR IGNORE INTO purchase_order VALUES (?, ?, ?)", key, r.id(),
                r.amountCents()));
    }

    public void notifyRequester(String key, PurchaseRequest r, String message) {
        call("notify", r, key, c -> update(c, "INSERT OR IGNORE INTO notice VALUES (?, ?, ?)", key, r.id(), message));
    }

    /** One call as a remote service would take it: its time, maybe unreachable, one transaction, maybe a lost reply. */
    private void call(String operation, PurchaseRequest r, String key, Work<Integer> work) {
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

    <T> T inTransaction(Work<T> work) {
        lock.lock();
        try (Statement control = connection.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                control.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                control.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("budget ledger " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
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
        return inTransaction(c -> number(c, "SELECT b.initial - b.available - COALESCE((SELECT SUM(amount) "
                + "FROM reservation WHERE status = 'HELD'), 0) FROM budget b WHERE account = ?", ACCOUNT));
    }

    static String text(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long number(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        } finally {
            lock.unlock();
        }
    }
}
