package dev.sagaflow.internal;

import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.spi.Outbox;
import dev.sagaflow.messaging.Transport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves committed outbox messages to the transport: claims a batch under a lease, sends it, then
 * deletes it. A crash between the send and the delete sends the batch again once the lease runs out,
 * so delivery is at least once and the receiving inbox absorbs the repeat. Woken when a commit puts
 * messages in the outbox; otherwise it looks every poll interval, which also picks up what a dead
 * node's relay left behind.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final int BATCH = 256;

    private final String relayId;
    private final Outbox outbox;
    private final Transport transport;
    private final Clock clock;
    private final long leaseMillis;
    private final Worker worker;
    private final AtomicLong sent = new AtomicLong();
    /** A batch whose send failed: it goes again first, since claimed again it would wait out its lease. */
    private List<Message> unsent = List.of();

    public OutboxRelay(String relayId, Outbox outbox, Transport transport, Clock clock, long pollMillis, long leaseMillis) {
        this.relayId = relayId;
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.worker = Worker.builder("sagaflow-outbox-" + relayId, "relaying the outbox to " + transport.name(), this::relay)
                .clock(clock).idle(Duration.ofMillis(pollMillis)).build();
    }

    public OutboxRelay start() {
        worker.start();
        return this;
    }

    /** Messages were committed to the outbox: send them now rather than at the next poll. */
    public void wakeUp() {
        worker.wakeUp();
    }

    /** Messages handed to the transport so far. */
    public long sent() {
        return sent.get();
    }

    private Next relay() {
        long now = clock.millis();
        List<Message> batch = unsent.isEmpty() ? outbox.claimOutbox(relayId, now, now + leaseMillis, BATCH) : unsent;
        unsent = batch;
        if (!batch.isEmpty()) {
            transport.send(batch);
            outbox.deleteOutbox(batch.stream().map(Message::id).toList());
            sent.addAndGet(batch.size());
        }
        unsent = List.of();
        return batch.size() < BATCH ? Next.IDLE : Next.AGAIN;
    }

    @Override
    public void close() {
        worker.stop(Duration.ofSeconds(10));
    }
}
