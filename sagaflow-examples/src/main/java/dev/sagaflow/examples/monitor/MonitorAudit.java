package dev.sagaflow.examples.monitor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the monitor's ledger on a connection of its own, against the status function rather than
 * the saga's word: every (service, round) of rounds 0..R-1 recorded exactly once with the status the
 * service had, an alert exactly where a status differs from the round before, and no round checked
 * by a second pass of the saga.
 *
 * <p>{@code lost}: checks missing or holding another status than the service had, and alerts missing.
 * {@code doubled}: checks recorded twice or outside the plan, rounds checked again by another pass,
 * and alerts where no status changed (or twice).
 */
public final class MonitorAudit {
    private MonitorAudit() {
    }

    public record Result(long lost, long doubled, List<String> problems) {
    }

    public static Result audit(Path ledgerFile, int services, long rounds) {
        if (rounds * services > 50_000_000L) {
            throw new IllegalArgumentException("too many checks to audit in memory: " + rounds * services);
        }
        List<String> problems = new ArrayList<>();
        long lost = 0;
        long doubled = 0;
        byte[][] seen = new byte[services][(int) rounds];
        char[][] status = new char[services][(int) rounds];
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledgerFile); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT service, round, status FROM service_status")) {
                while (rs.next()) {
                    int service = rs.getInt(1);
                    long round = rs.getLong(2);
                    if (service < 0 || service >= services || round < 0 || round >= rounds) {
                        doubled++;
                        note(problems, "a check outside the plan: service " + service + " round " + round);
                        continue;
                    }
                    if (++seen[service][(int) round] > 1) {
                        doubled++;
                        note(problems, "service " + service + " round " + round + " recorded more than once");
                    }
                    status[service][(int) round] = code(rs.getString(3));
                }
            }
            for (int service = 0; service < services; service++) {
                for (int round = 0; round < rounds; round++) {
                    if (seen[service][round] == 0) {
                        lost++;
                        note(problems, "service " + service + " round " + round + " was never recorded");
                    } else if (status[service][round] != ServiceStatuses.of(service, round)) {
                        lost++;
                        note(problems, "service " + service + " round " + round + " recorded " + status[service][round]
                                + ", the service was " + ServiceStatuses.of(service, round));
                    }
                }
            }
            byte[][] alerted = new byte[services][(int) rounds];
            try (ResultSet rs = s.executeQuery("SELECT service, round FROM alert")) {
                while (rs.next()) {
                    int service = rs.getInt(1);
                    long round = rs.getLong(2);
                    boolean inPlan = service >= 0 && service < services && round >= 1 && round < rounds;
                    if (!inPlan || ++alerted[service][(int) round] > 1 || !changed(status, service, (int) round)) {
                        doubled++;
                        note(problems, "an alert for service " + service + " round " + round + " where none was due (or twice)");
                    }
                }
            }
            for (int service = 0; service < services; service++) {
                for (int round = 1; round < rounds; round++) {
                    if (changed(status, service, round) && alerted[service][round] == 0) {
                        lost++;
                        note(problems, "no alert for service " + service + " round " + round + " though its status changed");
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT round, checked_by, first_by FROM recheck")) {
                while (rs.next()) {
                    doubled++;
                    note(problems, "round " + rs.getLong(1) + " checked again by " + rs.getString(2) + " after "
                            + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(ledgerFile + ": " + e.getMessage(), e);
        }
        return new Result(lost, doubled, problems);
    }

    private static boolean changed(char[][] status, int service, int round) {
        char before = status[service][round - 1];
        char now = status[service][round];
        return before != 0 && now != 0 && before != now;
    }

    private static char code(String name) {
        return switch (name) {
            case "UP" -> ServiceStatuses.UP;
            case "DEGRADED" -> ServiceStatuses.DEGRADED;
            case "DOWN" -> ServiceStatuses.DOWN;
            default -> '?';
        };
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 50) {
            problems.add(problem);
        }
    }
}
