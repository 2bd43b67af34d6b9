package dev.sagaflow.spi;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.messaging.Message;

import java.util.List;

/** One change in a {@link SagaStore#write} batch: a new instance, or a version-guarded update. */
public sealed interface StoreWrite {

    SagaRecord record();

    List<HistoryEvent> history();

    /** Messages to put in the store's outbox in the same transaction, only if this write is applied. */
    List<Message> outbox();

    /**
     * Inserts a new instance and its first history entries. Refused (a {@link WriteResult#conflict})
     * when an instance with the same saga name and idempotency key exists: a database constraint,
     * not a check-then-insert.
     */
    record Insert(SagaRecord record, List<HistoryEvent> history, List<Message> outbox) implements StoreWrite {
        public Insert {
            history = List.copyOf(history);
            outbox = List.copyOf(outbox);
        }

        public Insert(SagaRecord record, List<HistoryEvent> history) {
            this(record, history, List.of());
        }
    }

    /**
     * Replaces the instance row with {@code record} and appends {@code history}, only if the stored
     * version is still {@code expectedVersion}; otherwise it is refused and nothing of it is applied.
     */
    record Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history, List<Message> outbox)
            implements StoreWrite {
        public Update {
            history = List.copyOf(history);
            outbox = List.copyOf(outbox);
        }

        public Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history) {
            this(record, expectedVersion, history, List.of());
        }
    }
}
