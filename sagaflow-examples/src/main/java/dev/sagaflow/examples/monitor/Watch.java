package dev.sagaflow.examples.monitor;

import java.time.Instant;

/**
 * The monitor saga's data: its plan (carried from run to run) and where it stands.
 *
 * @param startMillis   when round 0 was due; round r is due at {@code startMillis + r × intervalMillis}
 * @param round         the next round to check
 * @param inRun         rounds checked in the current run
 * @param lastStatuses  every service's status in the round before {@code round} (one character each;
 *                      empty before round 0): what a change is seen against, carried into each new run
 */
public record Watch(long startMillis, long intervalMillis, int services, long rounds, int roundsPerRun,
                    long round, int inRun, String lastStatuses) {

    public static Watch first(MonitorOptions options, long startMillis) {
        return new Watch(startMillis, options.interval().toMillis(), options.services(), options.rounds(),
                options.roundsPerRun(), 0, 0, "");
    }

    /** When the next round is due: its place in the cadence from the start, whatever happened meanwhile. */
    public Instant nextDue() {
        return Instant.ofEpochMilli(startMillis + Math.min(round, rounds) * intervalMillis);
    }

    public Watch checked(String statuses) {
        return new Watch(startMillis, intervalMillis, services, rounds, roundsPerRun, round + 1, inRun + 1, statuses);
    }

    public Watch nextRun() {
        return new Watch(startMillis, intervalMillis, services, rounds, roundsPerRun, round, 0, lastStatuses);
    }

    public boolean done() {
        return round >= rounds;
    }

    public boolean runFull() {
        return inRun >= roundsPerRun;
    }
}
