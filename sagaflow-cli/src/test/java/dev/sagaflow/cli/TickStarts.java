package dev.sagaflow.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What a PostgreSQL store holds of a schedule's starts, judged by SQL alone from the instances'
 * idempotency keys ({@code schedule:<name>:<tick>}): the tick is read back from each key as a
 * timestamp, so two instances of one tick count as doubled however their keys are written.
 *
 * @param starts  instances of the schedule
 * @param doubled ticks with more than one instance
 * @param missing seconds between the first tick and the last with no instance (for a schedule of every second)
 */
record TickStarts(long starts, long doubled, long missing, Instant first, Instant last) {

    private static final String CHECK = """
            WITH ticks AS (
                SELECT CAST(substr(idempotency_key, ?) AS timestamptz) AS tick
                FROM saga_instance WHERE saga_name = ? AND idempotency_key LIKE ?)
            SELECT (SELECT count(*) FROM ticks) AS starts,
                   (SELECT count(*) FROM (SELECT tick FROM ticks GROUP BY tick HAVING count(*) > 1) d) AS doubled,
                   (SELECT count(*) FROM generate_series((SELECT min(tick) FROM ticks), (SELECT max(tick) FROM ticks),
                        interval '1 second') AS s(second)
                    WHERE NOT EXISTS (SELECT 1 FROM ticks WHERE ticks.tick = s.second)) AS missing,
                   (SELECT min(tick) FROM ticks) AS first,
                   (SELECT max(tick) FROM ticks) AS last
            """;

    static TickStarts of(Connection connection, String sagaName, String scheduleName) throws SQLException {
        String prefix = "schedule:" + scheduleName + ":";
        try (PreparedStatement check = connection.prepareStatement(CHECK)) {
            check.setInt(1, prefix.length() + 1);
            check.setString(2, sagaName);
            check.setString(3, prefix.replace("_", "\\_").replace("%", "\\%") + "%");
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                java.sql.Timestamp first = rs.getTimestamp("first");
                java.sql.Timestamp last = rs.getTimestamp("last");
                return new TickStarts(rs.getLong("starts"), rs.getLong("doubled"), rs.getLong("missing"),
                        first == null ? null : first.toInstant(), last == null ? null : last.toInstant());
            }
        }
    }

    /** Ticks from the first to the last, both included. */
    long span() {
        return first == null ? 0 : last.getEpochSecond() - first.getEpochSecond() + 1;
    }

    boolean exactlyOnePerTick() {
        return doubled == 0 && missing == 0 && starts == span();
    }
}
