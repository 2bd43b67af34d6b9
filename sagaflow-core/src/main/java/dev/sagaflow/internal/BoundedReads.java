package dev.sagaflow.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Reads the runner makes on its virtual threads (a row read back after a refused write, an inbox),
 * at most a few at once. Virtual threads are many and a store's connections few: unbounded, a burst
 * of such reads (lease takeovers under load) would queue before the committer, the poller and the
 * lease heartbeat, and the leases they fail to renew would cause more takeovers.
 */
final class BoundedReads {
    private final Semaphore permits;

    BoundedReads(int atOnce) {
        this.permits = new Semaphore(atOnce, true);
    }

    <T> T read(Supplier<T> read) {
        permits.acquireUninterruptibly();
        try {
            return read.get();
        } finally {
            permits.release();
        }
    }
}
