package dev.sagaflow.examples.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of the monitor demo, checked here so every front end reports bad input the same way.
 *
 * @param dir          folder of the saga store ({@code sagas.db}) and of the monitor's ledger ({@code monitor.db})
 * @param interval     time between rounds
 * @param checks       service checks to make in all (rounded up to whole rounds of every service)
 * @param services     simulated services checked each round
 * @param roundsPerRun rounds in one run of the saga before it continues as new
 * @param keepRuns     runs whose history the saga keeps
 * @param timeout      how long to wait for the monitor to end
 */
public record MonitorOptions(Path dir, Duration interval, long checks, int services, int roundsPerRun, int keepRuns,
                             Duration timeout) {

    public MonitorOptions {
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir " + dir + " is a file; give a folder (it is created if missing)");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("--interval must be positive; was " + interval);
        }
        if (services < 1 || services > 10_000) {
            throw new IllegalArgumentException("--services must be between 1 and 10000; was " + services);
        }
        if (checks < 1) {
            throw new IllegalArgumentException("--checks must be at least 1; was " + checks);
        }
        if (roundsPerRun < 1) {
            throw new IllegalArgumentException("--rounds-per-run must be at least 1; was " + roundsPerRun);
        }
        if (keepRuns < 1) {
            throw new IllegalArgumentException("--keep-runs must be at least 1; was " + keepRuns);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive; was " + timeout);
        }
    }

    /** Rounds to run: enough for {@link #checks} checks of every service. */
    public long rounds() {
        return (checks + services - 1) / services;
    }

    public String storeFile() {
        return dir.resolve("sagas.db").toString();
    }

    public Path ledgerFile() {
        return dir.resolve("monitor.db");
    }
}
