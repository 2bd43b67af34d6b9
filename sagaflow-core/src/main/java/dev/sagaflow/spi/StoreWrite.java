package dev.sagaflow.spi;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.messaging.Message;

import java.util.List;

/**
 * One change in a {@link SagaStore#write} batch: a new instance, a version-guarded update, or a
 * group of those that is applied all or none.
 */
public sealed interface StoreWrite {

    /**
     * The row written; for a group, its first member's row (the group commits all or none, so that
     * row tells whether it committed).
     */
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
     * The row's signal count is the store's: it is never overwritten, and when more signals have been
     * delivered than {@code record} has seen, the stored row is made due now (unless terminal).
     *
     * @param consumedSignals inbox entries this transition consumed, removed from the pending ones
     *                        with it and only if it is applied
     * @param deliveries      entries put in other instances' inboxes with it, only if it is applied, each
     *                        as {@link SagaStore#deliverSignal} would (idempotent per signal id; nothing for
     *                        an instance that has ended or does not exist): a child's end told to its
     *                        parent, a parent's cancel sent to its child
     * @param keepRunsFrom    when not null, the instance's history entries of runs before this one are
     *                        deleted with it (a saga that continues as new keeps the last few runs);
     *                        the history this update appends is of the record's run
     */
    record Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history, List<Message> outbox,
                  List<String> consumedSignals, List<SignalRecord> deliveries, Integer keepRunsFrom) implements StoreWrite {
        public Update {
            history = List.copyOf(history);
            outbox = List.copyOf(outbox);
            consumedSignals = List.copyOf(consumedSignals);
            deliveries = List.copyOf(deliveries);
            for (SignalRecord delivery : deliveries) {
                if (delivery.sagaId().equals(record.id())) {
                    throw new IllegalArgumentException("an update delivers to other instances, not to its own: "
                            + delivery.signalId());
                }
            }
        }

        public Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history, List<Message> outbox,
                      List<String> consumedSignals, List<SignalRecord> deliveries) {
            this(record, expectedVersion, history, outbox, consumedSignals, deliveries, null);
        }

        public Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history, List<Message> outbox,
                      List<String> consumedSignals) {
            this(record, expectedVersion, history, outbox, consumedSignals, List.of(), null);
        }

        public Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history, List<Message> outbox) {
            this(record, expectedVersion, history, outbox, List.of());
        }

        public Update(SagaRecord record, long expectedVersion, List<HistoryEvent> history) {
            this(record, expectedVersion, history, List.of(), List.of());
        }
    }

    /**
     * Writes that commit all or none (a parent and its child, the end of one run and the start of the
     * next): applied only when every member would be; otherwise none is, and the result is the first
     * refusal's. Members are inserts and updates of different instances, and share no instance or
     * idempotency key with the other writes of the same batch (stores may apply a batch's groups after
     * its single writes).
     */
    record Group(List<StoreWrite> members) implements StoreWrite {
        public Group {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a write group needs at least one member");
            }
            for (StoreWrite member : members) {
                if (member instanceof Group) {
                    throw new IllegalArgumentException("write groups do not nest");
                }
            }
            if (members.stream().map(m -> m.record().id()).distinct().count() != members.size()) {
                throw new IllegalArgumentException("a write group writes each instance at most once");
            }
        }

        @Override
        public SagaRecord record() {
            return members.get(0).record();
        }

        @Override
        public List<HistoryEvent> history() {
            return List.of();
        }

        @Override
        public List<Message> outbox() {
            return List.of();
        }
    }
}
