package dev.sagaflow.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The wait of a background loop (relay, poller, consumer) after failures in a row: 100 ms,
 * doubling, at most 5 s. Its sleep cannot be cut short by wake-up hints (unpark), which come with
 * every commit; only stopping the loop ends it early.
 */
public final class Backoff {
    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private final BooleanSupplier running;
    private long millis;

    public Backoff(BooleanSupplier running) {
        this.running = running;
    }

    /** One more failure in a row; returns the wait that {@link #pause()} will take. */
    public long failed() {
        millis = Math.min(Math.max(FIRST_MILLIS, millis * 2), MAX_MILLIS);
        return millis;
    }

    public void succeeded() {
        millis = 0;
    }

    public void pause() {
        sleep(millis, running);
    }

    /** Sleeps {@code millis}, unless the loop stops first. */
    public static void sleep(long millis, BooleanSupplier running) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (running.getAsBoolean() && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
