package dev.sagaflow.internal;

import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.spi.SagaStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renews the leases of the instances this node holds, every third of a lease, on a thread of its
 * own. Not in the claim loop: a claim that fails or hangs (store unreachable, a slow query) would
 * hold the renewal up until the leases ran out and another node took over instances this node is
 * still running. A renewal that fails is retried at the next beat, two of which still fall within
 * the lease.
 */
public final class LeaseHeartbeat implements AutoCloseable {
    private final String owner;
    private final SagaStore store;
    private final Supplier<Set<String>> heldIds;
    private final Clock clock;
    private final long leaseMillis;
    private final long beatMillis;
    private final Worker worker;

    /**
     * @param owner   who holds the leases ({@code node-id#token})
     * @param heldIds the instances this node holds in memory, and only those: a row it owns without
     *                knowing it must see its lease run out so that some node runs it
     */
    public LeaseHeartbeat(String owner, SagaStore store, Supplier<Set<String>> heldIds, Clock clock, long leaseMillis) {
        this.owner = owner;
        this.store = store;
        this.heldIds = heldIds;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.beatMillis = Math.max(1, leaseMillis / 3);
        Duration beat = Duration.ofMillis(beatMillis);
        this.worker = Worker.builder("sagaflow-lease-" + owner, "renewing leases", this::renew)
                .clock(clock).backoff(beat, beat).build();
    }

    public LeaseHeartbeat start() {
        worker.start();
        return this;
    }

    private Next renew() {
        long now = clock.millis();
        Set<String> held = heldIds.get();
        if (!held.isEmpty()) {
            store.renewLeases(owner, held, now + leaseMillis);
        }
        // Counted from the start of this beat: a slow renewal must not stretch the time between two.
        return Next.at(now + beatMillis);
    }

    /** Stops renewing; the node hands its leases back (or lets them run out) after this. */
    @Override
    public void close() {
        worker.stop(Duration.ofSeconds(10));
    }
}
