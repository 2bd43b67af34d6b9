package dev.sagaflow.examples.harness;

import dev.sagaflow.examples.orders.Ledger;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness demo's own books ({@code ledger.db}, SQLite, WAL, {@code synchronous=FULL}): the tasks
 * opened, every worker attempt charged (one row per attempt, keyed by the step's idempotency key and
 * the attempt number, so an attempt run again after a crash is charged once), refunds of the charges
 * of a worker whose result was discarded, and the one answer each task delivers. Each call is one
 * local transaction, so a repeated call has no second effect.
 */
public final class WorkerLedger implements AutoCloseable {
    private final Ledger ledger;

    public WorkerLedger(Path file) {
        this.ledger = new Ledger(file,
                "CREATE TABLE IF NOT EXISTS task (task TEXT PRIMARY KEY, status TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS charge (charge_key TEXT PRIMARY KEY, step_key TEXT NOT NULL, "
                        + "task TEXT NOT NULL, worker TEXT NOT NULL, attempt INTEGER NOT NULL, tokens INTEGER NOT NULL)",
                "CREATE INDEX IF NOT EXISTS charge_by_step ON charge (step_key)",
                // Not keyed by the charge: the audit must be able to see a charge refunded twice.
                "CREATE TABLE IF NOT EXISTS refund (id INTEGER PRIMARY KEY AUTOINCREMENT, charge_key TEXT NOT NULL, "
                        + "tokens INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS answer (task TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL, "
                        + "worker TEXT NOT NULL, score REAL NOT NULL)");
    }

    public Path file() {
        return ledger.file();
    }

    /** The task is opened (idempotent): its row says OPEN until it is answered or abandoned. */
    public void open(String task) {
        ledger.inTransaction(c -> Ledger.update(c, "INSERT OR IGNORE INTO task VALUES (?, 'OPEN')", task));
    }

    /** The task failed: abandoned, unless it was answered (an answer stands). */
    public void abandon(String task) {
        ledger.inTransaction(c -> Ledger.update(c, "UPDATE task SET status = 'ABANDONED' WHERE task = ? AND status = 'OPEN'",
                task));
    }

    /** One attempt that produced output is paid for; the same attempt again changes nothing. */
    public void charge(String stepKey, int attempt, String task, String worker, int tokens) {
        ledger.inTransaction(c -> Ledger.update(c, "INSERT OR IGNORE INTO charge VALUES (?, ?, ?, ?, ?, ?)",
                stepKey + "#" + attempt, stepKey, task, worker, attempt, tokens));
    }

    /** A worker's result is discarded: every charge of its step not refunded yet is refunded, once. */
    public int refund(String stepKey) {
        return ledger.inTransaction(c -> Ledger.update(c, "INSERT INTO refund (charge_key, tokens) SELECT charge_key, tokens "
                + "FROM charge WHERE step_key = ? AND charge_key NOT IN (SELECT charge_key FROM refund)", stepKey));
    }

    /** The task's answer is delivered, once, and the task marked answered. */
    public void deliver(String key, Task t) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "INSERT OR IGNORE INTO answer VALUES (?, ?, ?, ?)", t.id(), key, t.answeredBy(), t.score());
            return Ledger.update(c, "UPDATE task SET status = 'ANSWERED' WHERE task = ?", t.id());
        });
    }

    /** One charge as the audit reads it, with how many refunds it had. */
    public record Charge(String task, String worker, int attempt, int tokens, int refunds) {
    }

    /** One delivered answer. */
    public record Answer(String task, String worker, double score) {
    }

    /** Everything the ledger holds, read in one transaction. */
    public record Books(List<String[]> tasks, List<Charge> charges, List<Answer> answers, List<String> orphanRefunds) {
    }

    public Books read() {
        return ledger.inTransaction(c -> {
            List<String[]> tasks = new ArrayList<>();
            List<Charge> charges = new ArrayList<>();
            List<Answer> answers = new ArrayList<>();
            List<String> orphans = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT task, status FROM task")) {
                    while (rs.next()) {
                        tasks.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT c.task, c.worker, c.attempt, c.tokens, "
                        + "(SELECT count(*) FROM refund r WHERE r.charge_key = c.charge_key) FROM charge c")) {
                    while (rs.next()) {
                        charges.add(new Charge(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT task, worker, score FROM answer")) {
                    while (rs.next()) {
                        answers.add(new Answer(rs.getString(1), rs.getString(2), rs.getDouble(3)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT charge_key FROM refund WHERE charge_key NOT IN "
                        + "(SELECT charge_key FROM charge)")) {
                    while (rs.next()) {
                        orphans.add(rs.getString(1));
                    }
                }
            }
            return new Books(tasks, charges, answers, orphans);
        });
    }

    /** For the audit's tests: runs a statement as is, to plant a fault. */
    int plant(String sql, Object... args) {
        return ledger.inTransaction(c -> Ledger.update(c, sql, args));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
