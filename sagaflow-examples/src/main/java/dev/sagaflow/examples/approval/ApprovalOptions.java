package dev.sagaflow.examples.approval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of the approval demo, checked here so every front end reports bad input the same way.
 *
 * @param dir              folder of the saga store ({@code sagas.db}) and of the budget ledger ({@code budget.db})
 * @param requests         requests to run, {@code req-1..req-N}
 * @param managerTimeout   how long a manager's decision is awaited before the director is asked
 * @param directorTimeout  how long the director's decision is awaited before the request is turned down
 * @param seed             the approvers' plan
 * @param timeout          how long to wait for every request to end
 * @param store            a {@code jdbc:postgresql:} URL or a SQLite file; {@code null} for {@code DIR/sagas.db}
 */
public record ApprovalOptions(Path dir, int requests, Duration managerTimeout, Duration directorTimeout, long seed,
                              Duration timeout, String store) {

    public ApprovalOptions {
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir " + dir + " is a file; give a folder (it is created if missing)");
        }
        if (requests < 1) {
            throw new IllegalArgumentException("--requests must be at least 1; was " + requests);
        }
        positive(managerTimeout, "--manager-timeout");
        positive(directorTimeout, "--director-timeout");
        positive(timeout, "--timeout");
    }

    private static void positive(Duration d, String option) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive; was " + d);
        }
    }

    public String storeOrDefault() {
        return store != null ? store : dir.resolve("sagas.db").toString();
    }

    /**
     * The approvers answer within a quarter of the shorter timeout and within a second, so that they
     * are in time unless they are down (a process killed before its answers went loses them until it runs again).
     */
    public long maxAnswerDelayMillis() {
        return Math.min(1_000, Math.min(managerTimeout.toMillis(), directorTimeout.toMillis()) / 4);
    }
}
