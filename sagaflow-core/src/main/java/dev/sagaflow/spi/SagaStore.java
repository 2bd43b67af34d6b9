package dev.sagaflow.spi;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where saga instances and their histories live. A store persists and fences; it never decides a
 * transition. Every implementation passes the contract suite {@code SagaStoreContract}.
 * Implementations are safe for use by several threads.
 */
public interface SagaStore extends Outbox, AutoCloseable {

    /**
     * Called once when an engine node starts on this store. A single-node store (SQLite) takes its
     * exclusive lock here and hands back the leases a crashed predecessor left behind.
     */
    void open(String nodeId);

    /**
     * Applies the writes in one transaction, each on its own terms (a refused write does not undo the
     * others), and returns one result per write, in order.
     *
     * @throws SagaStoreException when the outcome is unknown: nothing or everything may have committed
     */
    List<WriteResult> write(List<StoreWrite> writes);

    /**
     * Claims up to {@code limit} non-terminal instances of the named sagas whose {@code wakeAt} has
     * come and whose lease is free or expired: sets the owner and lease, increments the version
     * (so the previous holder's writes are refused) and returns them as claimed.
     */
    List<SagaRecord> claimDue(String nodeId, long now, long leaseUntil, Collection<String> sagaNames, int limit);

    /**
     * Extends the leases of the given instances that this node still owns. Only those the node
     * holds in memory: a row it owns without knowing it (a claim whose reply was lost, an instance of
     * a saga version it has not registered) must see its lease run out so that some node runs it.
     */
    void renewLeases(String nodeId, Collection<String> ids, long leaseUntil);

    /**
     * Puts a signal (or an operator's request) in the instance's inbox and wakes the instance, in one
     * transaction: the inbox row (unique by signal id), the instance's received count + 1, and, when no
     * live node holds it, its wake-up time brought to {@code now}. Idempotent per signal id, and the id
     * is looked up first: a signal id seen before is {@code DUPLICATE} (same instance and name) or
     * {@code ID_TAKEN}, even once the instance has ended. Otherwise nothing changes for an instance
     * that does not exist ({@code NOT_FOUND}) or has ended ({@code FINISHED}).
     */
    SignalDelivery deliverSignal(SignalRecord signal, long now);

    /** The instance's unconsumed inbox entries, in delivery order, with its received count. */
    Inbox inbox(String sagaId);

    /**
     * Instances {@code owner} holds whose inbox has entries it has not seen (requests to apply, such
     * as a cancel, while a node runs the instance).
     */
    List<String> signalledInstances(String owner);

    /** Frees every lease this node holds, on a graceful stop. */
    void releaseLeases(String nodeId);

    Optional<SagaRecord> find(String id);

    Optional<SagaRecord> findByIdempotencyKey(String sagaName, String idempotencyKey);

    /** The instance's history in sequence order. */
    List<HistoryEvent> history(String id);

    /**
     * Instances matching every filter of the query (states, name, flag, correlation id, creation time
     * range, idempotency key), newest first (by creation time, then id), paged by offset and limit.
     */
    List<SagaRecord> list(SagaQuery query);

    /** How many instances are in each state, of the named saga or ({@code null}) of all; states with none are left out. */
    Map<SagaState, Long> countByState(String sagaName);

    /**
     * The instances of these sagas due at {@code now} and held by no node (no owner, or a lease run
     * out): how many, counted up to {@code cap}, and the earliest due time among them. For health
     * checks and gauges, so it stays cheap however far behind the nodes are.
     */
    DueWork dueWork(Collection<String> sagaNames, long now, int cap);

    /**
     * How many instances there are per saga name and state; names and states with none are left out.
     * For operators ({@code sagaflow saga count}); a store that cannot tell throws
     * {@link UnsupportedOperationException}.
     */
    default Map<String, Map<SagaState, Long>> countByNameAndState() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not count by saga name");
    }

    /** The earliest {@code wakeAt} among non-terminal instances, if any: lets an idle node sleep until then. */
    Optional<Long> nextWakeAt(Collection<String> sagaNames);

    /**
     * Asks the store to call {@code wakeUp} when another node makes work due (a new instance nobody
     * runs yet, an instance handed back), so an idle node need not poll fast. Optional: a store that
     * cannot tell leaves the engine to its poll interval.
     */
    default void onDueWork(Runnable wakeUp) {
    }

    /**
     * Registers a schedule: creates its row, or changes the stored one, as
     * {@link ScheduleRecord#registered} says, reading and writing in one transaction (nodes starting
     * at once register one row). Returns the row as stored. A store that keeps no schedules throws
     * {@link UnsupportedOperationException}.
     */
    default ScheduleRecord registerSchedule(ScheduleRecord wanted, long now) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no schedules");
    }

    /** The stored schedules, by name. */
    default java.util.List<ScheduleRecord> schedules() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no schedules");
    }

    /**
     * Handles one tick of a schedule, in one transaction: moves its last tick from
     * {@code expectedLastTick} to {@code tick} (compare-and-set: refused, {@link TickClaim.Outcome#STALE},
     * when the stored last tick is another, or when {@code tick} is not after it) and inserts
     * {@code start}, the tick's instance, under the same rules as a {@link StoreWrite.Insert} in
     * {@link #write}. All or none: an insert the store refuses for its content throws and leaves the
     * last tick where it was; an insert whose idempotency key is taken moves the tick and keeps the
     * existing instance ({@link TickClaim.Outcome#ALREADY_STARTED}).
     *
     * @throws SagaStoreException when the outcome is unknown, or the insert was refused (nothing changed)
     */
    default TickClaim claimTick(String scheduleName, long expectedLastTick, long tick, StoreWrite.Insert start) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no schedules");
    }

    /**
     * Passes over a schedule's ticks up to {@code upTo} without starting anything (missed ticks
     * skipped): the same compare-and-set as {@link #claimTick}. Returns whether it moved.
     */
    default boolean skipTicks(String scheduleName, long expectedLastTick, long upTo) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no schedules");
    }

    @Override
    void close();
}
