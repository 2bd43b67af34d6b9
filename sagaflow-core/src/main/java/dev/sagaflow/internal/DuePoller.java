package dev.sagaflow.internal;

import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Claims due instances from the store and hands them to the runner: instances whose retry is due,
 * and after a restart every instance left in flight (its lease freed or expired). The store is the
 * source of truth; between polls the poller sleeps until the earliest due time it knows of, or the
 * poll interval, whichever comes first.
 */
public final class DuePoller {
    private static final Logger log = LoggerFactory.getLogger(DuePoller.class);

    private final String nodeId;
    private final SagaStore store;
    private final Registry registry;
    private final SagaRunner runner;
    private final Clock clock;
    private final long pollMillis;
    private final long leaseMillis;
    private final int maxActive;
    private final int claimBatch;
    private final AtomicLong earliestHint = new AtomicLong(Long.MAX_VALUE);
    private final Thread thread;
    private volatile boolean running = true;
    private long lastRenewal;

    public DuePoller(String nodeId, SagaStore store, Registry registry, SagaRunner runner, Clock clock,
                     long pollMillis, long leaseMillis, int maxActive, int claimBatch) {
        this.nodeId = nodeId;
        this.store = store;
        this.registry = registry;
        this.runner = runner;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.leaseMillis = leaseMillis;
        this.maxActive = maxActive;
        this.claimBatch = claimBatch;
        this.thread = Thread.ofPlatform().name("sagaflow-poll-" + nodeId).daemon().unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** Something becomes due at {@code atMillis}: poll then at the latest. */
    public void hint(long atMillis) {
        long previous = earliestHint.getAndAccumulate(atMillis, Math::min);
        if (atMillis < previous) {
            LockSupport.unpark(thread);
        }
    }

    /** Poll now. */
    public void wakeUp() {
        hint(clock.millis());
    }

    private void loop() {
        Backoff backoff = new Backoff(() -> running);
        while (running) {
            try {
                renewLeasesWhenDue();
                lookForRequests();
                int claimed = claimOnce();
                backoff.succeeded();
                if (claimed == claimBatch) {
                    continue;
                }
                if (claimed < 0) {
                    // This node is full; instances leave it continuously, so look again soon.
                    sleepUntil(clock.millis() + Math.min(pollMillis, 5));
                    continue;
                }
                sleepUntil(nextPoll());
            } catch (RuntimeException e) {
                long wait = backoff.failed();
                log.warn("claiming due sagas failed; retrying in {} ms: {}", wait, e.toString());
                backoff.pause();
            }
        }
    }

    /** Renews every lease this node holds a third of the way into it, so a live node never loses one. */
    private void renewLeasesWhenDue() {
        long now = clock.millis();
        if (now - lastRenewal >= leaseMillis / 3) {
            store.renewLeases(nodeId, runner.heldIds(), now + leaseMillis);
            lastRenewal = now;
        }
    }

    /** Instances held here whose inbox got an operator's request (a cancel while a step runs): within one poll. */
    private void lookForRequests() {
        if (runner.activeCount() > 0) {
            runner.inboxChanged(store.signalledInstances(nodeId));
        }
    }

    private int claimOnce() {
        int capacity = Math.min(claimBatch, maxActive - runner.activeCount());
        if (registry.names().isEmpty()) {
            return 0;
        }
        if (capacity <= 0) {
            return -1;
        }
        long now = clock.millis();
        earliestHint.accumulateAndGet(now, (hinted, n) -> hinted <= n ? Long.MAX_VALUE : hinted);
        List<SagaRecord> due = store.claimDue(nodeId, now, now + leaseMillis, registry.names(), capacity);
        for (SagaRecord record : due) {
            Optional<SagaStateMachine> machine = registry.find(record.sagaName(), record.sagaVersion());
            if (machine.isEmpty()) {
                log.error("saga {} is of {} v{}, which this node has not registered; it stays until a node that has takes it",
                        record.id(), record.sagaName(), record.sagaVersion());
                continue;
            }
            runner.activate(machine.get(), record, null);
        }
        return due.size();
    }

    private long nextPoll() {
        long now = clock.millis();
        long next = Math.min(now + pollMillis, earliestHint.get());
        Optional<Long> storeNext = store.nextWakeAt(registry.names());
        if (storeNext.isPresent()) {
            next = Math.min(next, Math.max(storeNext.get(), now + 1));
        }
        return next;
    }

    private void sleepUntil(long atMillis) {
        long nanos = TimeUnit.MILLISECONDS.toNanos(atMillis - clock.millis());
        if (nanos > 0 && running && earliestHint.get() > clock.millis()) {
            LockSupport.parkNanos(this, nanos);
        }
    }

    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
