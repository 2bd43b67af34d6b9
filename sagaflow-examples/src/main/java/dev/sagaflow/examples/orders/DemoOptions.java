package dev.sagaflow.examples.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of the demo, checked here so every front end (CLI, tests) reports bad input the same way.
 *
 * @param dir         folder of the saga store ({@code sagas.db}) and of the four ledgers
 * @param orders      orders to run, {@code order-1..order-N}
 * @param failureRate share of orders made to fail at some step, 0 to 1
 * @param timeout     how long to wait for every order to end
 * @param stepDelayMs time each participant call takes, in milliseconds
 * @param store       the saga store: a {@code jdbc:postgresql:} URL or a SQLite file; {@code null} for {@code DIR/sagas.db}
 * @param verifyOnly  run nothing and start nothing: wait for the orders to end (on other nodes) and check them
 * @param stallCompensations this many orders get a refund that fails until an operator's fix ({@link StalledRefunds})
 * @param parallel    run {@link ParallelOrderFulfilmentSaga}: each order's lines reserved at once, the payment a sub-saga
 */
public record DemoOptions(Path dir, int orders, double failureRate, Duration timeout, int stepDelayMs, String store,
                          boolean verifyOnly, int stallCompensations, boolean parallel) {

    public DemoOptions(Path dir, int orders, double failureRate, Duration timeout, int stepDelayMs, String store,
                       boolean verifyOnly, int stallCompensations) {
        this(dir, orders, failureRate, timeout, stepDelayMs, store, verifyOnly, stallCompensations, false);
    }

    public DemoOptions(Path dir, int orders, double failureRate, Duration timeout, int stepDelayMs) {
        this(dir, orders, failureRate, timeout, stepDelayMs, null, false);
    }

    public DemoOptions(Path dir, int orders, double failureRate, Duration timeout, int stepDelayMs, String store,
                       boolean verifyOnly) {
        this(dir, orders, failureRate, timeout, stepDelayMs, store, verifyOnly, 0);
    }

    /** The store as given, or the SQLite file in DIR. */
    public String storeOrDefault() {
        return store != null ? store : dir.resolve("sagas.db").toString();
    }

    public DemoOptions {
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--dir " + dir + " is a file; give a folder (it is created if missing)");
        }
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1; was " + orders);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("--failure-rate must be between 0 and 1; was " + failureRate);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive; was " + timeout);
        }
        if (stallCompensations < 0) {
            throw new IllegalArgumentException("--stall-compensations must not be negative; was " + stallCompensations);
        }
        if (parallel && (verifyOnly || stallCompensations > 0)) {
            throw new IllegalArgumentException("--parallel runs the orders here: it does not go with --verify, "
                    + "--submit-only or --stall-compensations");
        }
        if (stepDelayMs < 0) {
            throw new IllegalArgumentException("--step-delay-ms must not be negative; was " + stepDelayMs);
        }
    }
}
