package dev.sagaflow.internal;

import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteRefusedException;
import dev.sagaflow.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: the transitions of many instances share one store transaction, so durable
 * throughput is not one fsync per transition. A single thread takes whatever has queued while the
 * previous commit ran (up to {@code maxBatch}), so a lone write waits for no timer and a busy node
 * gets large batches by itself.
 *
 * <p>A failed commit is not a failed step: the outcome of a batch whose commit threw is unknown, so
 * each write is resolved by reading it back ({@link #resolve}); writes that did not land are queued
 * again, those that did are reported as applied. A write is never reported failed because the store
 * was unreachable; it waits. Nothing else commits while an outcome is unknown, and a store that
 * keeps failing is retried less and less often (the worker's backoff), not hammered.
 *
 * <p>A batch the store refuses for its content ({@link WriteRefusedException}: nothing of it
 * committed) is split in halves and each half committed on its own, down to the refused write, which
 * alone fails; every other write of the batch commits.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final String CLOSED_UNCONFIRMED =
            "the engine closed before the store confirmed this write; it may have committed";

    private final SagaStore store;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Writes of a commit that threw: read back before anything else commits. */
    private final ConcurrentLinkedQueue<Pending> unknownOutcome = new ConcurrentLinkedQueue<>();
    private final Worker worker;
    private volatile boolean running = true;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private volatile String lastFailure;
    private volatile Instant lastCommit;

    public GroupCommitter(SagaStore store, int maxBatch, String nodeId) {
        this.store = store;
        this.maxBatch = maxBatch;
        // Every submit wakes it, so the idle park is only how long it sleeps when nothing comes.
        this.worker = Worker.builder("sagaflow-commit-" + nodeId, "committing", this::commitRound)
                .idle(Duration.ofSeconds(1)).backoff(Duration.ofMillis(10), Duration.ofSeconds(1))
                .finishesWorkOnStop().build().start();
    }

    /** Queues a write; the future completes, on the commit thread, once its outcome is known. */
    public CompletableFuture<WriteResult> submit(StoreWrite write) {
        Pending pending = new Pending(write, new CompletableFuture<>());
        if (!running) {
            pending.result.completeExceptionally(new IllegalStateException("the engine is closed"));
            return pending.result;
        }
        queue.add(pending);
        worker.wakeUp();
        return pending.result;
    }

    public long commits() {
        return commits.get();
    }

    public long writes() {
        return writes.get();
    }

    /** The last error of a commit whose outcome was unknown, while the store keeps failing; else null. */
    /** When the last batch was confirmed by the store, or {@code null} before the first. */
    public Instant lastCommit() {
        return lastCommit;
    }

    public String lastFailure() {
        return lastFailure;
    }

    private Next commitRound() {
        resolveUnknownOutcomes();
        List<Pending> batch = new ArrayList<>(maxBatch);
        queue.drainTo(batch, maxBatch);
        if (batch.isEmpty()) {
            return Next.IDLE;
        }
        try {
            commit(batch);
        } catch (RuntimeException | Error e) {
            // Some of the batch may have committed before it went wrong: every write of it is read back.
            log.error("commit thread: unexpected error; the batch's writes will be resolved", e);
            unknownOutcome.addAll(batch);
            throw e;
        }
        if (!unknownOutcome.isEmpty()) {
            // The worker backs off, then the next round reads them back.
            throw new SagaStoreException("the commit of " + unknownOutcome.size() + " writes failed, outcome unknown; "
                    + "reading them back: " + lastFailure);
        }
        return Next.AGAIN;
    }

    private void commit(List<Pending> batch) {
        List<StoreWrite> writesOfBatch = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            writesOfBatch.add(p.write);
        }
        List<WriteResult> results;
        try {
            results = store.write(writesOfBatch);
        } catch (WriteRefusedException e) {
            isolateRefused(batch, e);
            return;
        } catch (RuntimeException e) {
            lastFailure = e.toString();
            unknownOutcome.addAll(batch);
            return;
        }
        lastFailure = null;
        lastCommit = Instant.now();
        commits.incrementAndGet();
        writes.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    /** Nothing of a refused batch committed: its halves go on their own until the refused write stands alone. */
    private void isolateRefused(List<Pending> batch, WriteRefusedException e) {
        if (batch.size() > 1) {
            int half = batch.size() / 2;
            commit(new ArrayList<>(batch.subList(0, half)));
            commit(new ArrayList<>(batch.subList(half, batch.size())));
            return;
        }
        Pending alone = batch.get(0);
        log.warn("saga {}: the store refused a write for its content; it fails alone: {}", alone.write.record().id(),
                e.getMessage());
        try {
            alone.result.completeExceptionally(new WriteRefusedException("The store refused the write of saga "
                    + alone.write.record().id() + ": " + e.getMessage(), e));
        } catch (RuntimeException callbackFailure) {
            log.error("callback after a refused write failed for saga {}", alone.write.record().id(), callbackFailure);
        }
    }

    private static void complete(Pending p, WriteResult result) {
        try {
            p.result.complete(result);
        } catch (RuntimeException e) {
            log.error("callback after commit failed for saga {}", p.write.record().id(), e);
        }
    }

    /**
     * Settles the writes of commits that threw, in order: applied, refused, or not there (queued
     * again). Throws while the store cannot answer; the writes left wait for the next round.
     */
    private void resolveUnknownOutcomes() {
        Pending p;
        while ((p = unknownOutcome.peek()) != null) {
            Optional<WriteResult> known = resolve(p.write);
            unknownOutcome.remove(p);
            if (known.isPresent()) {
                complete(p, known.get());
            } else {
                queue.add(p);
            }
        }
    }

    /** Reads a write whose outcome is unknown back from the store: applied, refused, or (empty) not there. */
    private Optional<WriteResult> resolve(StoreWrite write) {
        if (write instanceof StoreWrite.Group group) {
            // All or none: the first member tells, read back by its own write id, never by its key
            // (an update's instance holds its key whatever happened to the group).
            StoreWrite first = group.members().getFirst();
            if (first instanceof StoreWrite.Insert) {
                Optional<SagaRecord> stored = store.find(first.record().id());
                if (stored.isPresent() && first.record().writeId().equals(stored.get().writeId())) {
                    return Optional.of(WriteResult.ok());
                }
                Optional<SagaRecord> holder = store.findByIdempotencyKey(first.record().sagaName(),
                        first.record().idempotencyKey());
                return holder.isPresent() && !holder.get().id().equals(first.record().id())
                        ? Optional.of(WriteResult.conflict(holder.get().id())) : Optional.empty();
            }
            return resolve(first);
        }
        SagaRecord ours = write.record();
        if (write instanceof StoreWrite.Update update) {
            Optional<SagaRecord> stored = store.find(ours.id());
            if (stored.isEmpty()) {
                return Optional.of(WriteResult.stale());
            }
            if (ours.writeId().equals(stored.get().writeId())) {
                return Optional.of(WriteResult.ok());
            }
            return stored.get().version() == update.expectedVersion() ? Optional.empty()
                    : Optional.of(WriteResult.stale());
        }
        Optional<SagaRecord> holder = store.findByIdempotencyKey(ours.sagaName(), ours.idempotencyKey());
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(holder.get().id().equals(ours.id()) ? WriteResult.ok()
                : WriteResult.conflict(holder.get().id()));
    }

    /** Commits what is queued, then stops the thread. */
    @Override
    public void close() {
        close(30_000);
    }

    /**
     * Commits what is queued, then stops the thread; a store that does not take the writes within
     * {@code waitMillis} (unreachable) is given up on: the thread is interrupted, and the writes still
     * queued fail, their outcome to be settled by the next run from what the store holds.
     */
    public void close(long waitMillis) {
        running = false;
        if (!worker.stop(Duration.ofMillis(waitMillis))) {
            log.warn("closing with writes the store has not taken within {} ms; the next start settles them from "
                    + "what the store holds", waitMillis);
            worker.stop(Duration.ofSeconds(1), true);
        }
        failUnconfirmed(unknownOutcome);
        failUnconfirmed(queue);
    }

    private static void failUnconfirmed(java.util.Queue<Pending> left) {
        Pending p;
        while ((p = left.poll()) != null) {
            p.result.completeExceptionally(new IllegalStateException(CLOSED_UNCONFIRMED));
        }
    }

    private record Pending(StoreWrite write, CompletableFuture<WriteResult> result) {
    }
}
