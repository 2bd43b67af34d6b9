package dev.sagaflow.jdbc.internal;

import dev.sagaflow.spi.ScheduleRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.TickClaim;
import dev.sagaflow.spi.WriteResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code saga_schedule} (V9), shared by SQLite and PostgreSQL. Each method runs on the
 * connection it is given and leaves the transaction to the caller, so that a tick's claim and its
 * instance's insert ({@link SagaTables#apply}) commit together.
 */
public final class ScheduleTable {
    private static final String COLUMNS = "name, cron, zone, saga_name, missed_ticks, last_tick, updated_at";

    private static final String INSERT_IF_ABSENT = "INSERT INTO saga_schedule (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING";

    private static final String REDEFINE = "UPDATE saga_schedule SET cron = ?, zone = ?, saga_name = ?, missed_ticks = ?, "
            + "last_tick = ?, updated_at = ? WHERE name = ?";

    // The compare-and-set every node's claim goes through: on PostgreSQL a second node's UPDATE waits
    // for the first's row lock, then finds last_tick moved and changes nothing.
    private static final String MOVE_LAST_TICK = "UPDATE saga_schedule SET last_tick = ? "
            + "WHERE name = ? AND last_tick = ? AND last_tick < ?";

    private ScheduleTable() {
    }

    /** Creates the row, or changes it as {@link ScheduleRecord#registered} says; the row is locked while it decides. */
    public static ScheduleRecord register(Connection connection, SqlDialect dialect, ScheduleRecord wanted, long now)
            throws SQLException {
        ScheduleRecord fresh = ScheduleRecord.registered(null, wanted, now);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            bind(insert, fresh);
            if (insert.executeUpdate() == 1) {
                return fresh;
            }
        }
        ScheduleRecord stored = find(connection, dialect, wanted.name());
        ScheduleRecord next = ScheduleRecord.registered(stored, wanted, now);
        if (!next.equals(stored)) {
            try (PreparedStatement update = connection.prepareStatement(REDEFINE)) {
                update.setString(1, next.cron());
                update.setString(2, next.zone());
                update.setString(3, next.sagaName());
                update.setString(4, next.missedTicks());
                update.setLong(5, next.lastTick());
                update.setLong(6, next.updatedAt());
                update.setString(7, next.name());
                update.executeUpdate();
            }
        }
        return next;
    }

    private static ScheduleRecord find(Connection connection, SqlDialect dialect, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM saga_schedule WHERE name = ?"
                + dialect.forUpdate())) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("schedule '" + name + "' was neither inserted nor found");
                }
                return record(rs);
            }
        }
    }

    public static List<ScheduleRecord> all(Connection connection) throws SQLException {
        List<ScheduleRecord> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM saga_schedule ORDER BY name");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(record(rs));
            }
        }
        return rows;
    }

    /**
     * Moves the last tick and inserts the tick's instance, in the caller's transaction. An insert the
     * database refuses for its content throws, and the caller's rollback takes the moved tick back with it.
     */
    public static TickClaim claimTick(Connection connection, SqlDialect dialect, String name, long expectedLastTick, long tick,
                                      StoreWrite.Insert start) throws SQLException {
        if (!moveLastTick(connection, name, expectedLastTick, tick)) {
            return TickClaim.stale();
        }
        WriteResult inserted = SagaTables.apply(connection, dialect, List.of(start)).getFirst();
        return inserted.isApplied() ? TickClaim.started(start.record().id()) : TickClaim.alreadyStarted(inserted.existingId());
    }

    public static boolean moveLastTick(Connection connection, String name, long expectedLastTick, long tick) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(MOVE_LAST_TICK)) {
            move.setLong(1, tick);
            move.setString(2, name);
            move.setLong(3, expectedLastTick);
            move.setLong(4, tick);
            return move.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement s, ScheduleRecord r) throws SQLException {
        s.setString(1, r.name());
        s.setString(2, r.cron());
        s.setString(3, r.zone());
        s.setString(4, r.sagaName());
        s.setString(5, r.missedTicks());
        s.setLong(6, r.lastTick());
        s.setLong(7, r.updatedAt());
    }

    private static ScheduleRecord record(ResultSet rs) throws SQLException {
        return new ScheduleRecord(rs.getString("name"), rs.getString("cron"), rs.getString("zone"), rs.getString("saga_name"),
                rs.getString("missed_ticks"), rs.getLong("last_tick"), rs.getLong("updated_at"));
    }
}
