package dev.sagaflow.spi;

import dev.sagaflow.SagaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored row of one saga instance, as a store persists it. The state machine alone decides its
 * status, data, progress and wake-up time; the fence and the lease are set only on the write path
 * (a node stamping its write, a store claiming) and signal counts only by the store. Times are
 * epoch milliseconds.
 *
 * @param data     the saga's data as JSON
 * @param wakeAt   when the instance next needs a node: now for runnable work, else the earliest due
 *                 time of its waits (a retry, a reply timeout, a timer, a signal timeout, the
 *                 deadline); {@code null} once terminal or while it waits for a signal without a timeout
 * @param updatedAt when the last transition was written
 */
public record SagaRecord(Identity identity, Status status, String data, Progress progress, Signals signals,
                         Long wakeAt, Fence fence, Lease lease, long updatedAt) {

    public SagaRecord {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(lease, "lease");
    }

    /**
     * What never changes after the insert.
     *
     * @param startContext the context propagated from the code that started the saga (a trace), as a
     *                     JSON object of strings, or {@code null} when none was
     * @param parentId     for a child saga (a sub-saga, a branch of a parallel step), the saga that started
     *                     it and hears of its end; {@code null} for a saga started by a client
     */
    public record Identity(String id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                           long createdAt, Long deadlineAt, String startContext, String parentId) {

        public Identity(String id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                        long createdAt, Long deadlineAt, String startContext) {
            this(id, sagaName, sagaVersion, idempotencyKey, correlationId, createdAt, deadlineAt, startContext, null);
        }

        public Identity(String id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                        long createdAt, Long deadlineAt) {
            this(id, sagaName, sagaVersion, idempotencyKey, correlationId, createdAt, deadlineAt, null, null);
        }
    }

    /**
     * @param failure         why the saga is compensating, or {@code null}
     * @param cancelRequested the compensation was asked for by an operator, so it ends CANCELLED
     * @param flag            why the instance needs an operator's eye while it goes on ({@code RETRYING},
     *                        {@code COMPENSATION_STALLED}, {@code CALL_NOT_RETURNING}), or {@code null}
     */
    public record Status(SagaState state, String failure, boolean cancelRequested, String flag) {
    }

    /**
     * Where the instance stands.
     *
     * @param positions    the active positions; one for a sequential saga (later, one per branch)
     * @param toCompensate steps that completed and have a compensation, in order of completion (a
     *                     stack: the last is undone first)
     * @param joins        the child sagas of the steps that start them (a parallel block, a sub-saga), as the
     *                     engine's JSON: which ran, how each ended, which to undo; {@code null} when there are none
     * @param run          how many times the saga continued as new: 0 for its first run
     * @param loops        how many times the current run looped back to an earlier step
     */
    public record Progress(List<Position> positions, List<Integer> toCompensate, String joins, int run, int loops) {
        public Progress {
            positions = List.copyOf(positions);
            toCompensate = List.copyOf(toCompensate);
        }

        public Progress(List<Position> positions, List<Integer> toCompensate, String joins) {
            this(positions, toCompensate, joins, 0, 0);
        }

        public Progress(List<Position> positions, List<Integer> toCompensate) {
            this(positions, toCompensate, null, 0, 0);
        }

        /** The positions as stored: {@code step,attemptsMade,outcomeUnknown,waitKind,dueAt,key} each, ';' between. */
        public String positionsAsText() {
            StringBuilder text = new StringBuilder(32);
            for (Position p : positions) {
                if (!text.isEmpty()) {
                    text.append(';');
                }
                text.append(p.step()).append(',').append(p.attemptsMade()).append(',').append(p.outcomeUnknown() ? 1 : 0)
                        .append(',');
                Wait w = p.await();
                if (w != null) {
                    text.append(w.kind().name()).append(',');
                    if (w.dueAt() != null) {
                        text.append(w.dueAt());
                    }
                    text.append(',');
                    if (w.key() != null) {
                        text.append(w.key());
                    }
                } else {
                    text.append(",,");
                }
            }
            return text.toString();
        }

        public static List<Position> positionsFromText(String text) {
            List<Position> positions = new ArrayList<>(1);
            for (String part : text.split(";")) {
                String[] f = part.split(",", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException("not a stored position: '" + part + "'");
                }
                Wait wait = f[3].isEmpty() ? null : new Wait(WaitKind.valueOf(f[3]),
                        f[5].isEmpty() ? null : f[5], f[4].isEmpty() ? null : Long.parseLong(f[4]));
                positions.add(new Position(Integer.parseInt(f[0]), Integer.parseInt(f[1]), "1".equals(f[2]), wait));
            }
            return positions;
        }

        /** {@code toCompensate} as stored: step indexes joined by commas. */
        public String toCompensateAsText() {
            StringBuilder text = new StringBuilder();
            for (int step : toCompensate) {
                if (!text.isEmpty()) {
                    text.append(',');
                }
                text.append(step);
            }
            return text.toString();
        }

        public static List<Integer> toCompensateFromText(String text) {
            List<Integer> steps = new ArrayList<>();
            if (text != null && !text.isEmpty()) {
                for (String part : text.split(",")) {
                    steps.add(Integer.parseInt(part));
                }
            }
            return steps;
        }

        /** The single position of a sequential saga. */
        public Position position() {
            if (positions.size() != 1) {
                throw new IllegalStateException("a sequential saga has one position; this one has " + positions.size());
            }
            return positions.get(0);
        }
    }

    /**
     * One active position.
     *
     * @param step           the forward step due or running (the number of steps once all are done);
     *                       while compensating, the step where the forward run stopped
     * @param attemptsMade   attempts already made of the current step, or of the current compensation
     * @param outcomeUnknown an attempt of the current step timed out, so it may have taken effect
     * @param await          what the position waits for, or {@code null} when it is runnable
     */
    public record Position(int step, int attemptsMade, boolean outcomeUnknown, Wait await) {
        public static Position at(int step) {
            return new Position(step, 0, false, null);
        }

        public Position withWait(Wait next) {
            return new Position(step, attemptsMade, outcomeUnknown, next);
        }
    }

    /**
     * What a position waits for: (kind, key, due time).
     *
     * @param key   the awaited reply's command id, or the awaited signal's name; {@code null} for others
     * @param dueAt when the wait ends by itself (retry due, reply timeout, timer, signal timeout), or
     *              {@code null} for a signal awaited without a timeout
     */
    public record Wait(WaitKind kind, String key, Long dueAt) {
        public Wait {
            Objects.requireNonNull(kind, "kind");
            if (key != null && (key.indexOf(',') >= 0 || key.indexOf(';') >= 0)) {
                throw new IllegalArgumentException("a wait key must not hold ',' or ';': " + key);
            }
        }
    }

    public enum WaitKind {
        /** A failed attempt's retry is due at {@code dueAt}. */
        RETRY,
        /** The reply to command {@code key} is awaited until {@code dueAt}. */
        REPLY,
        /** A durable timer fires at {@code dueAt}. */
        TIMER,
        /** Signal {@code key} is awaited until {@code dueAt} (or without end). */
        SIGNAL,
        /** The step's child sagas are awaited (their ends come to the inbox); {@code dueAt} is null. */
        CHILDREN
    }

    /**
     * Signals and operator requests in the instance's inbox: {@code received} counts those delivered (the
     * store alone increments it), {@code seen} the count a node had read when it last looked at the
     * inbox. While {@code received > seen} the instance is woken, whatever its writes say.
     */
    public record Signals(long received, long seen) {
        public static final Signals NONE = new Signals(0, 0);

        public boolean pending() {
            return received > seen;
        }
    }

    /**
     * @param version     incremented by every write and every claim; a write that expects another
     *                    version is refused, which fences stale nodes and duplicate results
     * @param writeId     id of the write that produced this version, to tell after a lost reply
     *                    whether that write committed
     * @param historySize number of history entries
     */
    public record Fence(long version, String writeId, int historySize) {
    }

    /** Who holds the instance and until when; stores manage it when claiming, nodes when writing. */
    public record Lease(String owner, Long until) {
        public static final Lease NONE = new Lease(null, null);

        public boolean heldBy(String who, long now) {
            return who.equals(owner) && until != null && until > now;
        }

        public boolean live(long now) {
            return owner != null && until != null && until > now;
        }
    }

    /** The one way a new instance's row is made: at its first step, before the start transition. */
    public static SagaRecord newInstance(String id, String sagaName, int sagaVersion, String idempotencyKey,
                                         String correlationId, String data, long now, Long deadlineAt) {
        return newInstance(id, sagaName, sagaVersion, idempotencyKey, correlationId, data, now, deadlineAt, null);
    }

    /** A new instance that keeps {@code startContext} (see {@link Identity#startContext()}). */
    public static SagaRecord newInstance(String id, String sagaName, int sagaVersion, String idempotencyKey,
                                         String correlationId, String data, long now, Long deadlineAt,
                                         String startContext) {
        return newInstance(id, sagaName, sagaVersion, idempotencyKey, correlationId, data, now, deadlineAt, startContext,
                null);
    }

    /** A new instance, the child of {@code parentId} (see {@link Identity#parentId()}). */
    public static SagaRecord newInstance(String id, String sagaName, int sagaVersion, String idempotencyKey,
                                         String correlationId, String data, long now, Long deadlineAt,
                                         String startContext, String parentId) {
        return new SagaRecord(new Identity(id, sagaName, sagaVersion, idempotencyKey,
                correlationId == null ? idempotencyKey : correlationId, now, deadlineAt, startContext, parentId),
                new Status(SagaState.STARTED, null, false, null), data,
                new Progress(List.of(Position.at(0)), List.of()), Signals.NONE, now,
                new Fence(0, null, 0), Lease.NONE, now);
    }

    public String id() {
        return identity.id();
    }

    public String sagaName() {
        return identity.sagaName();
    }

    public int sagaVersion() {
        return identity.sagaVersion();
    }

    public String idempotencyKey() {
        return identity.idempotencyKey();
    }

    public String correlationId() {
        return identity.correlationId();
    }

    public long createdAt() {
        return identity.createdAt();
    }

    /** The saga that started this one as its child, or {@code null}. */
    public String parentId() {
        return identity.parentId();
    }

    public Long deadlineAt() {
        return identity.deadlineAt();
    }

    public SagaState state() {
        return status.state();
    }

    public String failure() {
        return status.failure();
    }

    public boolean cancelRequested() {
        return status.cancelRequested();
    }

    public String flag() {
        return status.flag();
    }

    public long version() {
        return fence.version();
    }

    public String writeId() {
        return fence.writeId();
    }

    public int historySize() {
        return fence.historySize();
    }

    public String owner() {
        return lease.owner();
    }

    public Long leaseUntil() {
        return lease.until();
    }

    /** The single position of a sequential saga. */
    public Position position() {
        return progress.position();
    }

    public int stepIndex() {
        return position().step();
    }

    public int attemptsMade() {
        return position().attemptsMade();
    }

    public boolean outcomeUnknown() {
        return position().outcomeUnknown();
    }

    public List<Integer> toCompensate() {
        return progress.toCompensate();
    }

    /** The wait of the single position, or {@code null}. */
    public Wait await() {
        return position().await();
    }

    /** The id of the command whose reply the instance waits for, or {@code null}. */
    public String awaitedReply() {
        Wait w = position().await();
        return w != null && w.kind() == WaitKind.REPLY ? w.key() : null;
    }

    /** A copy with the fence and lease of a write (the write path only). */
    public SagaRecord stamped(Fence nextFence, Lease nextLease, long at) {
        return new SagaRecord(identity, status, data, progress, signals, wakeAt, nextFence, nextLease, at);
    }

    /** A copy with another lease and version (a store claiming or renewing). */
    public SagaRecord leased(Lease nextLease, long nextVersion) {
        return new SagaRecord(identity, status, data, progress, signals, wakeAt,
                new Fence(nextVersion, fence.writeId(), fence.historySize()), nextLease, updatedAt);
    }

    /** A copy with other signal counts (a store delivering a signal). */
    public SagaRecord withSignals(Signals next, Long nextWakeAt) {
        return new SagaRecord(identity, status, data, progress, next, nextWakeAt, fence, lease, updatedAt);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some of the state machine's fields changed; identity, fence and lease are not among them. */
    public static final class Builder {
        private final SagaRecord from;
        private SagaState state;
        private String failure;
        private boolean cancelRequested;
        private String flag;
        private String data;
        private Position position;
        private List<Integer> toCompensate;
        private String joins;
        private int run;
        private int loops;
        private long signalsSeen;
        private Long wakeAt;
        private int historySize;
        private long updatedAt;

        private Builder(SagaRecord r) {
            from = r;
            state = r.state();
            failure = r.failure();
            cancelRequested = r.cancelRequested();
            flag = r.flag();
            data = r.data;
            position = r.position();
            toCompensate = r.toCompensate();
            joins = r.progress.joins();
            run = r.progress.run();
            loops = r.progress.loops();
            signalsSeen = r.signals.seen();
            wakeAt = r.wakeAt;
            historySize = r.historySize();
            updatedAt = r.updatedAt;
        }

        public Builder state(SagaState v) { state = v; return this; }
        public Builder failure(String v) { failure = v; return this; }
        public Builder cancelRequested(boolean v) { cancelRequested = v; return this; }
        public Builder flag(String v) { flag = v; return this; }
        public Builder data(String v) { data = v; return this; }
        public Builder position(Position v) { position = v; return this; }
        public Builder step(int v) { position = new Position(v, position.attemptsMade(), position.outcomeUnknown(), position.await()); return this; }
        public Builder attemptsMade(int v) { position = new Position(position.step(), v, position.outcomeUnknown(), position.await()); return this; }
        public Builder outcomeUnknown(boolean v) { position = new Position(position.step(), position.attemptsMade(), v, position.await()); return this; }
        public Builder await(Wait v) { position = position.withWait(v); return this; }
        public Builder toCompensate(List<Integer> v) { toCompensate = v; return this; }
        public Builder joins(String v) { joins = v; return this; }
        public Builder run(int v) { run = v; return this; }
        public Builder loops(int v) { loops = v; return this; }
        public Builder signalsSeen(long v) { signalsSeen = v; return this; }
        public Builder wakeAt(Long v) { wakeAt = v; return this; }
        public Builder historySize(int v) { historySize = v; return this; }
        public Builder updatedAt(long v) { updatedAt = v; return this; }

        public Position position() {
            return position;
        }

        public SagaRecord build() {
            return new SagaRecord(from.identity, new Status(state, failure, cancelRequested, flag), data,
                    new Progress(List.of(position), toCompensate, joins, run, loops), new Signals(from.signals.received(), signalsSeen),
                    wakeAt, new Fence(from.version(), from.writeId(), historySize), from.lease, updatedAt);
        }
    }
}
