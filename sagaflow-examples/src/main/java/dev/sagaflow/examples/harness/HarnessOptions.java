package dev.sagaflow.examples.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of the harness demo, checked here so every front end reports bad input the same way.
 *
 * @param dir       folder of the saga store ({@code sagas.db}) and of the workers' ledger ({@code ledger.db})
 * @param tasks     tasks to run, {@code task-1..task-N}
 * @param threshold lowest score a small worker's answer is kept at; below it on every worker, the task escalates
 * @param seed      the workers' plan
 * @param timeout   how long to wait for every task to end
 * @param verbose   print each task's choice at the end
 */
public record HarnessOptions(Path dir, int tasks, double threshold, long seed, Duration timeout, boolean verbose) {

    public HarnessOptions {
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir " + dir + " is a file; give a folder (it is created if missing)");
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("--tasks must be at least 1; was " + tasks);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("--threshold must be between 0 and 1; was " + threshold);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive; was " + timeout);
        }
    }

    public Path store() {
        return dir.resolve("sagas.db");
    }

    public Path ledger() {
        return dir.resolve("ledger.db");
    }
}
