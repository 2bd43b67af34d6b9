package dev.sagaflow.spi;

import dev.sagaflow.messaging.Message;

import java.util.Collection;
import java.util.List;

/**
 * Messages written in the same transaction as the state that sends them, waiting for a relay: the
 * engine's store ({@code saga_outbox}) and a participant's own database alike. Rows are claimed by
 * lease, never by "id greater than the last one seen", which loses rows that commit out of id order.
 */
public interface Outbox {
    /**
     * Claims up to {@code limit} messages that no live relay holds, oldest first, for {@code owner}
     * until {@code leaseUntil}: the relay sends them, then deletes them.
     */
    List<Message> claimOutbox(String owner, long now, long leaseUntil, int limit);

    /** Removes sent messages. */
    void deleteOutbox(Collection<String> messageIds);
}
