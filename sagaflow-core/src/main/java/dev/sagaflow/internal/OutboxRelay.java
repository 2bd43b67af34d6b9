package dev.sagaflow.internal;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves committed outbox messages to the transport: claims a batch under a lease, sends it, then
 * deletes it. A crash between the send and the delete sends the batch again once the lease runs out,
 * so delivery is at least once and the receiving inbox absorbs the repeat. Woken when a commit puts
 * messages in the outbox; otherwise it looks every poll interval, which also picks up what a dead
 * node's relay left behind.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 256;

    /** Where the messages wait: the engine's store, or a participant's own database. */
    public interface Outbox {
        List<Message> claim(String relayId, long now, long leaseUntil, int limit);

        void delete(List<String> messageIds);

        /** The outbox in a saga store's own tables ({@code saga_outbox}). */
        static Outbox of(dev.sagaflow.spi.SagaStore store) {
            return new Outbox() {
                @Override
                public List<Message> claim(String relayId, long now, long leaseUntil, int limit) {
                    return store.claimOutbox(relayId, now, leaseUntil, limit);
                }

                @Override
                public void delete(List<String> messageIds) {
                    store.deleteOutbox(messageIds);
                }
            };
        }
    }

    private final String relayId;
    private final Outbox outbox;
    private final Transport transport;
    private final Clock clock;
    private final long pollMillis;
    private final long leaseMillis;
    private final Thread thread;
    private final AtomicBoolean hinted = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean running = true;

    public OutboxRelay(String relayId, Outbox outbox, Transport transport, Clock clock, long pollMillis, long leaseMillis) {
        this.relayId = relayId;
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.leaseMillis = leaseMillis;
        this.thread = Thread.ofPlatform().name("sagaflow-outbox-" + relayId).daemon().unstarted(this::loop);
    }

    public OutboxRelay start() {
        thread.start();
        return this;
    }

    /** Messages were committed to the outbox: send them now rather than at the next poll. */
    public void wakeUp() {
        if (hinted.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    /** Messages handed to the transport so far. */
    public long sent() {
        return sent.get();
    }

    private void loop() {
        Backoff backoff = new Backoff(() -> running);
        List<Message> unsent = List.of();
        while (running) {
            try {
                hinted.set(false);
                long now = clock.millis();
                // A batch whose send failed goes again first: claimed again, it would wait out its lease.
                List<Message> batch = unsent.isEmpty() ? outbox.claim(relayId, now, now + leaseMillis, BATCH) : unsent;
                unsent = batch;
                if (!batch.isEmpty()) {
                    transport.send(batch);
                    outbox.delete(batch.stream().map(Message::id).toList());
                    sent.addAndGet(batch.size());
                }
                unsent = List.of();
                backoff.succeeded();
                if (batch.size() < BATCH && !hinted.get()) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(pollMillis));
                }
            } catch (RuntimeException e) {
                long wait = backoff.failed();
                log.warn("relaying the outbox to {} failed; retrying in {} ms: {}", transport.name(), wait, e.toString());
                backoff.pause();
            }
        }
    }

    @Override
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
