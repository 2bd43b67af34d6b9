package dev.sagaflow.testing;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.DueWork;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SignalDelivery;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteRefusedException;
import dev.sagaflow.spi.WriteResult;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Wraps a store and makes some batch writes fail in the two ways a real database does: before
 * anything is committed (connection lost), and after the commit happened (the reply timed out).
 * The engine cannot tell the two apart, which is the point.
 */
public final class FaultInjectingStore implements SagaStore {
    private final SagaStore delegate;
    private final Random random;
    private final double failBeforeCommit;
    private final double failAfterCommit;
    public final AtomicInteger failedBeforeCommit = new AtomicInteger();
    public final AtomicInteger failedAfterCommit = new AtomicInteger();
    public final AtomicInteger claimsLostAfterCommit = new AtomicInteger();
    private volatile double loseClaimsAfterCommit;
    private volatile Predicate<StoreWrite> refused = w -> false;
    private volatile boolean unreachable;
    public final AtomicInteger refusedBatches = new AtomicInteger();
    private final AtomicInteger failNextWrites = new AtomicInteger();
    private volatile CountDownLatch claimGate = new CountDownLatch(0);
    public final AtomicInteger blockedClaims = new AtomicInteger();

    public FaultInjectingStore(SagaStore delegate, long seed, double failBeforeCommit, double failAfterCommit) {
        this.delegate = delegate;
        this.random = new Random(seed);
        this.failBeforeCommit = failBeforeCommit;
        this.failAfterCommit = failAfterCommit;
    }

    /**
     * Refuses, as a database refuses a value it cannot store, every batch holding a write that
     * matches: nothing of the batch commits.
     */
    public FaultInjectingStore refuseWritesWhere(Predicate<StoreWrite> which) {
        this.refused = which;
        return this;
    }

    /** Makes every call fail as if the database were down, until called again with {@code false}. */
    public FaultInjectingStore unreachable(boolean down) {
        this.unreachable = down;
        return this;
    }

    /** Makes the next {@code n} batch writes fail before anything commits, as a lost connection does. */
    public FaultInjectingStore failNextWritesBeforeCommit(int n) {
        failNextWrites.set(n);
        return this;
    }

    private void requireReachable() {
        if (unreachable) {
            throw new SagaStoreException("injected: the database is unreachable");
        }
    }

    @Override
    public List<WriteResult> write(List<StoreWrite> writes) {
        requireReachable();
        if (writes.stream().anyMatch(refused)) {
            refusedBatches.incrementAndGet();
            throw new WriteRefusedException("injected: the database refused a value of this batch", null);
        }
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (failNextWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || roll < failBeforeCommit) {
            failedBeforeCommit.incrementAndGet();
            throw new SagaStoreException("injected: connection lost before commit");
        }
        List<WriteResult> results = delegate.write(writes);
        if (roll < failBeforeCommit + failAfterCommit) {
            failedAfterCommit.incrementAndGet();
            throw new SagaStoreException("injected: timeout after the commit happened");
        }
        return results;
    }

    @Override
    public void open(String nodeId) {
        delegate.open(nodeId);
    }

    /** Makes this share of claims commit and then fail, as a connection dropped during the commit does. */
    public FaultInjectingStore loseClaimsAfterCommit(double share) {
        this.loseClaimsAfterCommit = share;
        return this;
    }

    /**
     * Makes every claim hang, as a slow query or a connection that stopped answering does, until
     * {@link #unblockClaims()}; nothing else of the store is held up.
     */
    public FaultInjectingStore blockClaims() {
        claimGate = new CountDownLatch(1);
        return this;
    }

    public FaultInjectingStore unblockClaims() {
        claimGate.countDown();
        return this;
    }

    @Override
    public List<SagaRecord> claimDue(String nodeId, long now, long leaseUntil, Collection<String> sagaNames, int limit) {
        CountDownLatch gate = claimGate;
        if (gate.getCount() > 0) {
            blockedClaims.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SagaStoreException("injected: a blocked claim was interrupted");
            }
        }
        requireReachable();
        List<SagaRecord> claimed = delegate.claimDue(nodeId, now, leaseUntil, sagaNames, limit);
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (!claimed.isEmpty() && roll < loseClaimsAfterCommit) {
            claimsLostAfterCommit.incrementAndGet();
            throw new SagaStoreException("injected: the claim of " + claimed.size() + " committed, its reply was lost");
        }
        return claimed;
    }

    @Override
    public void renewLeases(String nodeId, Collection<String> ids, long leaseUntil) {
        requireReachable();
        delegate.renewLeases(nodeId, ids, leaseUntil);
    }

    @Override
    public void releaseLeases(String nodeId) {
        delegate.releaseLeases(nodeId);
    }

    @Override
    public SignalDelivery deliverSignal(SignalRecord signal, long now) {
        requireReachable();
        return delegate.deliverSignal(signal, now);
    }

    @Override
    public Inbox inbox(String sagaId) {
        requireReachable();
        return delegate.inbox(sagaId);
    }

    @Override
    public List<String> signalledInstances(String owner) {
        requireReachable();
        return delegate.signalledInstances(owner);
    }

    @Override
    public Optional<SagaRecord> find(String id) {
        requireReachable();
        return delegate.find(id);
    }

    @Override
    public Optional<SagaRecord> findByIdempotencyKey(String sagaName, String idempotencyKey) {
        requireReachable();
        return delegate.findByIdempotencyKey(sagaName, idempotencyKey);
    }

    @Override
    public List<HistoryEvent> history(String id) {
        requireReachable();
        return delegate.history(id);
    }

    @Override
    public List<SagaRecord> list(SagaQuery query) {
        requireReachable();
        return delegate.list(query);
    }

    @Override
    public DueWork dueWork(Collection<String> sagaNames, long now, int cap) {
        requireReachable();
        return delegate.dueWork(sagaNames, now, cap);
    }

    @Override
    public Optional<Long> nextWakeAt(Collection<String> sagaNames) {
        requireReachable();
        return delegate.nextWakeAt(sagaNames);
    }

    @Override
    public Map<SagaState, Long> countByState(String sagaName) {
        requireReachable();
        return delegate.countByState(sagaName);
    }

    @Override
    public List<dev.sagaflow.messaging.Message> claimOutbox(String nodeId, long now, long leaseUntil, int limit) {
        return delegate.claimOutbox(nodeId, now, leaseUntil, limit);
    }

    @Override
    public void deleteOutbox(Collection<String> messageIds) {
        delegate.deleteOutbox(messageIds);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
