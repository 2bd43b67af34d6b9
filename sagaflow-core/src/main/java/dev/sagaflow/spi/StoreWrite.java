package dev.sagaflow.spi;

import dev.sagaflow.HistoryEvent;

import java.util.List;

/** One change in a {@link SagaStore#write} batch: a new instance, or a version-guarded update. */
public sealed interface StoreWrite {

    SagaRecord record();

    List<HistoryEvent> history();

    /**
     * Inserts a new instance and its first history entries. Refused (a {@link WriteResult#conflict})
     * when an instance with the same saga name and idempotency key exists: a database constraint,
     * not a check-then-insert.
     */
    record Insert(SagaRecord record, List<HistoryEvent> history) implements StoreWrite {
        public Insert {
            history = List.copyOf(history);
        }
    }

    /**
     * Replaces the instance row with {@code record} and appends {@code history}, only if the stored
     * version is still {@code expectedVersion}; otherwise it is refused and nothing of it is applied.
     */
    record Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history) implements StoreWrite {
        public Update {
            history = List.copyOf(history);
        }
    }
}
