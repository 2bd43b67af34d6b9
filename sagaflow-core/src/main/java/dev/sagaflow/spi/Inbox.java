package dev.sagaflow.spi;

import java.util.List;

/**
 * An instance's unconsumed signals and requests in delivery order, and how many had been delivered
 * when they were read: a node that records it as seen is woken again by any later delivery.
 */
public record Inbox(long received, List<SignalRecord> pending) {
    public Inbox {
        pending = List.copyOf(pending);
    }
}
