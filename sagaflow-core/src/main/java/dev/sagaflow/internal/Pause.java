package dev.sagaflow.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A backoff sleep that wake-up hints (unpark) cannot cut short; only stopping ends it early. */
public final class Pause {
    private Pause() {
    }

    public static void forMillis(long millis, BooleanSupplier running) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (running.getAsBoolean() && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
