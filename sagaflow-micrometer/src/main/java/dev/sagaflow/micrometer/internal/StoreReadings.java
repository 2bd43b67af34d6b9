package dev.sagaflow.micrometer.internal;

import dev.sagaflow.SagaState;
import dev.sagaflow.observe.NodeHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The figures behind the gauges that cost a store read (instances by state, a node's health), read
 * at most once per refresh interval however often and however many gauges are scraped. A read runs
 * on a virtual thread and a scrape waits for it only a short while: a slow or unreachable store
 * makes the gauges a little late, never the scrape hang.
 */
public final class StoreReadings {
    private static final Logger log = LoggerFactory.getLogger(StoreReadings.class);

    /**
     * What one refresh read; {@code null} fields were not read (no source, or the read failed).
     *
     * @param healthFailed the node's health was asked for and could not be read
     */
    public record Snapshot(Map<SagaState, Long> counts, NodeHealth health, boolean healthFailed) {
        static final Snapshot NONE = new Snapshot(null, null, false);
    }

    private record Sources(Supplier<Map<SagaState, Long>> counts, Supplier<NodeHealth> health) {
    }

    private final long refreshNanos;
    private final Duration scrapeWait;
    private volatile Sources sources = new Sources(null, null);
    private volatile Snapshot latest = Snapshot.NONE;
    private volatile long readAt;
    // One warning per streak of failures: a store that is down for an hour is not logged every refresh.
    private volatile boolean failing;
    private CompletableFuture<Snapshot> underWay;

    public StoreReadings(Duration refreshEvery, Duration scrapeWait) {
        this.refreshNanos = refreshEvery.toNanos();
        this.scrapeWait = scrapeWait;
    }

    /** Reads from these from now on (either may be {@code null}); the next gauge read refreshes. */
    public synchronized void watch(Supplier<Map<SagaState, Long>> counts, Supplier<NodeHealth> health) {
        sources = new Sources(counts, health);
        latest = Snapshot.NONE;
        underWay = null;
        readAt = 0;
    }

    /** The latest figures, refreshed first when they are older than the refresh interval. */
    public Snapshot current() {
        CompletableFuture<Snapshot> refresh = refreshIfStale();
        if (refresh != null) {
            try {
                return refresh.get(scrapeWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // The read goes on and lands for a later scrape.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // read() contains its own failures; nothing else is expected here.
            }
        }
        return latest;
    }

    private synchronized CompletableFuture<Snapshot> refreshIfStale() {
        if (underWay != null) {
            return underWay;
        }
        Sources from = sources;
        if (from.counts() == null && from.health() == null) {
            return null;
        }
        long now = System.nanoTime();
        if (readAt != 0 && now - readAt < refreshNanos) {
            return null;
        }
        CompletableFuture<Snapshot> refresh = new CompletableFuture<>();
        underWay = refresh;
        Thread.ofVirtual().name("sagaflow-metrics-read").start(() -> {
            Snapshot read = read(from);
            synchronized (this) {
                if (underWay == refresh) {
                    latest = read;
                    readAt = System.nanoTime();
                    underWay = null;
                }
            }
            refresh.complete(read);
        });
        return refresh;
    }

    private Snapshot read(Sources from) {
        Map<SagaState, Long> counts = null;
        NodeHealth health = null;
        boolean healthFailed = false;
        if (from.counts() != null) {
            try {
                counts = new EnumMap<>(SagaState.class);
                counts.putAll(from.counts().get());
            } catch (RuntimeException e) {
                counts = null;
                warnOnce("counting instances by state failed; their gauges read NaN until it works", e);
            }
        }
        if (from.health() != null) {
            try {
                health = from.health().get();
            } catch (RuntimeException e) {
                healthFailed = true;
                warnOnce("reading the node's health failed; its gauges read NaN until it works", e);
            }
        }
        if ((from.counts() == null || counts != null) && !healthFailed && failing) {
            failing = false;
            log.info("sagaflow metrics: the store reads work again");
        }
        return new Snapshot(counts, health, healthFailed);
    }

    private void warnOnce(String what, RuntimeException e) {
        if (!failing) {
            failing = true;
            log.warn("sagaflow metrics: {}: {}", what, e.toString());
        }
    }
}
