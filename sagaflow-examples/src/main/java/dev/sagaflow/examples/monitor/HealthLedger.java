package dev.sagaflow.examples.monitor;

import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.Ledger;

import java.nio.file.Path;
import java.sql.PreparedStatement;

/**
 * The monitor's own database ({@code monitor.db}): each round's status of every service (primary key
 * (service, round): a check is recorded once or not at all), an alert where a status changed from
 * the round before, and which pass of the saga checked each round. A round checked again under the
 * same key (a retry after a lost reply) changes nothing; one checked again under another key would be
 * the engine running a round twice, and is kept in {@code recheck} for the audit to count.
 */
public final class HealthLedger implements AutoCloseable {
    private final Ledger ledger;
    private final Faults faults;

    public HealthLedger(Path file, Faults faults) {
        this.faults = faults;
        this.ledger = new Ledger(file,
                "CREATE TABLE IF NOT EXISTS plan (id INTEGER PRIMARY KEY CHECK (id = 1), services INTEGER NOT NULL, "
                        + "rounds INTEGER NOT NULL, interval_ms INTEGER NOT NULL, rounds_per_run INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS round_check (round INTEGER PRIMARY KEY, checked_by TEXT NOT NULL, at INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS service_status (service INTEGER NOT NULL, round INTEGER NOT NULL, "
                        + "status TEXT NOT NULL, PRIMARY KEY (service, round))",
                "CREATE TABLE IF NOT EXISTS alert (service INTEGER NOT NULL, round INTEGER NOT NULL, from_status TEXT NOT NULL, "
                        + "to_status TEXT NOT NULL, PRIMARY KEY (service, round))",
                "CREATE TABLE IF NOT EXISTS recheck (round INTEGER NOT NULL, checked_by TEXT NOT NULL, first_by TEXT NOT NULL, "
                        + "PRIMARY KEY (round, checked_by))");
    }

    /**
     * Keeps the plan of the first run; a later run on the same folder must ask for the same one, since
     * the saga it resumes goes on with the plan it started with.
     */
    public void agreeOnPlan(MonitorOptions options) {
        String refusal = ledger.inTransaction(c -> {
            Ledger.update(c, "INSERT OR IGNORE INTO plan VALUES (1, ?, ?, ?, ?)", options.services(), options.rounds(),
                    options.interval().toMillis(), options.roundsPerRun());
            String kept = Ledger.text(c, "SELECT services || ' services, ' || rounds || ' rounds, interval ' || interval_ms "
                    + "|| ' ms, ' || rounds_per_run || ' rounds per run' FROM plan");
            String asked = options.services() + " services, " + options.rounds() + " rounds, interval "
                    + options.interval().toMillis() + " ms, " + options.roundsPerRun() + " rounds per run";
            return kept.equals(asked) ? null : "this folder's monitor runs " + kept + "; asked for " + asked
                    + ": give the same options, or another --dir";
        });
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /**
     * Records round {@code round}'s statuses and the alerts they raise against {@code previous} (empty
     * for round 0), in one transaction, under the check's idempotency key.
     */
    public void record(long round, String statuses, String previous, String key) {
        faults.before(new Faults.Call("monitor", "check", "round-" + round, key));
        ledger.inTransaction(c -> {
            String first = Ledger.text(c, "SELECT checked_by FROM round_check WHERE round = ?", round);
            if (first != null) {
                if (!first.equals(key)) {
                    Ledger.update(c, "INSERT OR IGNORE INTO recheck VALUES (?, ?, ?)", round, key, first);
                }
                return null;
            }
            Ledger.update(c, "INSERT INTO round_check VALUES (?, ?, ?)", round, key, System.currentTimeMillis());
            try (PreparedStatement status = c.prepareStatement("INSERT INTO service_status VALUES (?, ?, ?)");
                 PreparedStatement alert = c.prepareStatement("INSERT INTO alert VALUES (?, ?, ?, ?)")) {
                for (int s = 0; s < statuses.length(); s++) {
                    status.setInt(1, s);
                    status.setLong(2, round);
                    status.setString(3, ServiceStatuses.name(statuses.charAt(s)));
                    status.addBatch();
                    if (!previous.isEmpty() && previous.charAt(s) != statuses.charAt(s)) {
                        alert.setInt(1, s);
                        alert.setLong(2, round);
                        alert.setString(3, ServiceStatuses.name(previous.charAt(s)));
                        alert.setString(4, ServiceStatuses.name(statuses.charAt(s)));
                        alert.addBatch();
                    }
                }
                status.executeBatch();
                alert.executeBatch();
            }
            return null;
        });
        faults.after(new Faults.Call("monitor", "check", "round-" + round, key));
    }

    public long alerts() {
        return ledger.inTransaction(c -> Ledger.number(c, "SELECT count(*) FROM alert"));
    }

    public long roundsRecorded() {
        return ledger.inTransaction(c -> Ledger.number(c, "SELECT count(*) FROM round_check"));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
