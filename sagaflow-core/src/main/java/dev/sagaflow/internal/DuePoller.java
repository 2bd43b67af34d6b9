package dev.sagaflow.internal;

import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Claims due instances from the store and hands them to the runner: instances whose retry is due,
 * and after a restart every instance left in flight (its lease freed or expired). The store is the
 * source of truth; between polls the poller sleeps until the earliest due time it knows of, or the
 * poll interval, whichever comes first. The leases of what it claims are renewed by the
 * {@link LeaseHeartbeat}, so a claim that hangs never lets them run out.
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
    private final Worker worker;
    private long lastLookForRequests;

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
        this.worker = Worker.builder("sagaflow-poll-" + nodeId, "claiming due sagas", this::poll)
                .clock(clock).idle(Duration.ofMillis(pollMillis)).build();
    }

    public void start() {
        worker.start();
    }

    /** Something becomes due at {@code atMillis}: poll then at the latest. */
    public void hint(long atMillis) {
        worker.wakeAt(atMillis);
    }

    /** Poll now. */
    public void wakeUp() {
        worker.wakeUp();
    }

    private Next poll() {
        lookForRequestsWhenDue();
        int claimed = claimOnce();
        if (claimed == claimBatch) {
            return Next.AGAIN;
        }
        if (claimed < 0) {
            // This node is full; instances leave it continuously, so look again soon.
            return Next.at(clock.millis() + Math.min(pollMillis, 5));
        }
        return Next.at(nextPoll());
    }

    /**
     * Instances held here whose inbox got an operator's request (a cancel while a step runs): looked
     * for once per poll interval, not on every claim round of a busy node.
     */
    private void lookForRequestsWhenDue() {
        long now = clock.millis();
        if (runner.activeCount() > 0 && now - lastLookForRequests >= pollMillis) {
            lastLookForRequests = now;
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

    /** The poll interval, or sooner if the store knows of something due sooner; hints come through the worker. */
    private long nextPoll() {
        long now = clock.millis();
        long next = now + pollMillis;
        Optional<Long> storeNext = store.nextWakeAt(registry.names());
        if (storeNext.isPresent()) {
            next = Math.min(next, Math.max(storeNext.get(), now + 1));
        }
        return next;
    }

    public void close() {
        worker.stop(Duration.ofSeconds(10));
    }
}
