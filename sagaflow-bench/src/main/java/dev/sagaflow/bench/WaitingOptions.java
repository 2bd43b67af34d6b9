package dev.sagaflow.bench;

import dev.sagaflow.jdbc.SagaStores;

import java.nio.file.Path;

/**
 * The waiting workload's options.
 *
 * @param store             {@code memory}, {@code sqlite} (a new file in {@code dir}) or a {@code jdbc:postgresql:} URL
 * @param dir               where the SQLite file goes (a new file per run)
 * @param instances         instances started and left waiting, half on a timer, half on a signal
 * @param concurrency       starts in flight at most while the instances are started
 * @param wakeupsPerSecond  wake-ups per second in the second phase, half due timers, half signals
 * @param wakeSeconds       how long the second phase lasts
 * @param separateClient    signals go through a {@code SagaClient} of its own on the store (as from
 *                          another process: the node learns of them from the store or its poll),
 *                          instead of {@code SagaEngine.signal}, which also wakes the node's poller
 */
public record WaitingOptions(String store, Path dir, int instances, int concurrency, int wakeupsPerSecond,
                             int wakeSeconds, boolean separateClient) {
    public WaitingOptions {
        if (!"memory".equals(store) && !"sqlite".equals(store) && !SagaStores.isPostgres(store)) {
            throw new IllegalArgumentException("--store must be memory, sqlite or a jdbc:postgresql: URL; was '" + store + "'");
        }
        if ("sqlite".equals(store) && dir == null) {
            throw new IllegalArgumentException("--dir is required for --store sqlite");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1; was " + concurrency);
        }
        if (wakeupsPerSecond < 2) {
            throw new IllegalArgumentException("--wakeups-per-second must be at least 2; was " + wakeupsPerSecond);
        }
        if (wakeSeconds < 1) {
            throw new IllegalArgumentException("--wake-seconds must be at least 1; was " + wakeSeconds);
        }
        if (instances < wakeups(wakeupsPerSecond, wakeSeconds)) {
            throw new IllegalArgumentException("--instances must be at least the wake-ups of the second phase ("
                    + wakeups(wakeupsPerSecond, wakeSeconds) + " = --wakeups-per-second x --wake-seconds); was " + instances);
        }
    }

    /** Wake-ups of the second phase: an even number, half timers, half signals. */
    public int wakeups() {
        return wakeups(wakeupsPerSecond, wakeSeconds);
    }

    private static int wakeups(int perSecond, int seconds) {
        long n = (long) perSecond * seconds;
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("--wakeups-per-second x --wake-seconds is too large: " + n);
        }
        return (int) (n / 2 * 2);
    }
}
