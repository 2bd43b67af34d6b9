package dev.sagaflow.spi;

import dev.sagaflow.SagaState;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored row of one saga instance, as a store persists it. The engine's state machine decides
 * every field but the lease ({@code owner}, {@code leaseUntil}), which stores manage when claiming.
 * Times are epoch milliseconds.
 *
 * @param stepIndex      the forward step due or running (the number of steps once all are done)
 * @param attempt        attempts already made of the current step, or of the current compensation
 * @param outcomeUnknown an attempt of the current step timed out, so it may have taken effect
 * @param completed      steps to compensate, in order of completion (a stack: the last is undone first)
 * @param cancelRequested the compensation was asked for by an operator, so it ends CANCELLED
 * @param failure        why the saga is compensating, or {@code null}
 * @param wakeAt         when the instance next needs a node: now for runnable work, a retry's due
 *                       time, a deadline; {@code null} once terminal
 * @param deadlineAt     saga deadline, or {@code null}
 * @param version        incremented by every write and every claim; a write that expects another
 *                       version is refused, which fences stale nodes and duplicate results
 * @param writeId        id of the write that produced this version, to tell after a lost reply
 *                       whether that write committed
 * @param historySize    number of history entries
 * @param awaiting       the id of the command whose reply the current remote step or compensation
 *                       waits for, or {@code null}; a reply to any other message is not applied
 * @param flag           why the instance needs an operator's eye while it goes on ({@code RETRYING}: a
 *                       step keeps failing and is still retried; {@code COMPENSATION_STALLED}), or {@code null}
 */
public record SagaRecord(String id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                         SagaState state, String data, int stepIndex, int attempt, boolean outcomeUnknown,
                         List<Integer> completed, boolean cancelRequested, String failure,
                         Long wakeAt, Long deadlineAt, String owner, Long leaseUntil,
                         long version, String writeId, int historySize, long createdAt, long updatedAt,
                         String awaiting, String flag) {

    public SagaRecord {
        completed = List.copyOf(completed);
    }

    /** A row that carries no flag. */
    public SagaRecord(String id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                      SagaState state, String data, int stepIndex, int attempt, boolean outcomeUnknown,
                      List<Integer> completed, boolean cancelRequested, String failure,
                      Long wakeAt, Long deadlineAt, String owner, Long leaseUntil,
                      long version, String writeId, int historySize, long createdAt, long updatedAt, String awaiting) {
        this(id, sagaName, sagaVersion, idempotencyKey, correlationId, state, data, stepIndex, attempt, outcomeUnknown,
                completed, cancelRequested, failure, wakeAt, deadlineAt, owner, leaseUntil, version, writeId,
                historySize, createdAt, updatedAt, awaiting, null);
    }

    /** A row that waits for no reply. */
    public SagaRecord(String id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                      SagaState state, String data, int stepIndex, int attempt, boolean outcomeUnknown,
                      List<Integer> completed, boolean cancelRequested, String failure,
                      Long wakeAt, Long deadlineAt, String owner, Long leaseUntil,
                      long version, String writeId, int historySize, long createdAt, long updatedAt) {
        this(id, sagaName, sagaVersion, idempotencyKey, correlationId, state, data, stepIndex, attempt, outcomeUnknown,
                completed, cancelRequested, failure, wakeAt, deadlineAt, owner, leaseUntil, version, writeId,
                historySize, createdAt, updatedAt, null, null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code completed} as stored: step indexes joined by commas. */
    public String completedAsText() {
        StringBuilder text = new StringBuilder();
        for (int step : completed) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(step);
        }
        return text.toString();
    }

    public static List<Integer> completedFromText(String text) {
        List<Integer> steps = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                steps.add(Integer.parseInt(part));
            }
        }
        return steps;
    }

    /** A copy with some fields changed. */
    public static final class Builder {
        private final String id;
        private final String sagaName;
        private final int sagaVersion;
        private final String idempotencyKey;
        private final String correlationId;
        private SagaState state;
        private String data;
        private int stepIndex;
        private int attempt;
        private boolean outcomeUnknown;
        private List<Integer> completed;
        private boolean cancelRequested;
        private String failure;
        private Long wakeAt;
        private final Long deadlineAt;
        private String owner;
        private Long leaseUntil;
        private long version;
        private String writeId;
        private int historySize;
        private final long createdAt;
        private long updatedAt;
        private String awaiting;
        private String flag;

        private Builder(SagaRecord r) {
            id = r.id;
            sagaName = r.sagaName;
            sagaVersion = r.sagaVersion;
            idempotencyKey = r.idempotencyKey;
            correlationId = r.correlationId;
            state = r.state;
            data = r.data;
            stepIndex = r.stepIndex;
            attempt = r.attempt;
            outcomeUnknown = r.outcomeUnknown;
            completed = r.completed;
            cancelRequested = r.cancelRequested;
            failure = r.failure;
            wakeAt = r.wakeAt;
            deadlineAt = r.deadlineAt;
            owner = r.owner;
            leaseUntil = r.leaseUntil;
            version = r.version;
            writeId = r.writeId;
            historySize = r.historySize;
            createdAt = r.createdAt;
            updatedAt = r.updatedAt;
            awaiting = r.awaiting;
            flag = r.flag;
        }

        public Builder state(SagaState v) { state = v; return this; }
        public Builder data(String v) { data = v; return this; }
        public Builder stepIndex(int v) { stepIndex = v; return this; }
        public Builder attempt(int v) { attempt = v; return this; }
        public Builder outcomeUnknown(boolean v) { outcomeUnknown = v; return this; }
        public Builder completed(List<Integer> v) { completed = v; return this; }
        public Builder cancelRequested(boolean v) { cancelRequested = v; return this; }
        public Builder failure(String v) { failure = v; return this; }
        public Builder wakeAt(Long v) { wakeAt = v; return this; }
        public Builder owner(String v) { owner = v; return this; }
        public Builder leaseUntil(Long v) { leaseUntil = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder writeId(String v) { writeId = v; return this; }
        public Builder historySize(int v) { historySize = v; return this; }
        public Builder updatedAt(long v) { updatedAt = v; return this; }
        public Builder awaiting(String v) { awaiting = v; return this; }
        public Builder flag(String v) { flag = v; return this; }

        public SagaRecord build() {
            return new SagaRecord(id, sagaName, sagaVersion, idempotencyKey, correlationId, state, data, stepIndex,
                    attempt, outcomeUnknown, completed, cancelRequested, failure, wakeAt, deadlineAt, owner,
                    leaseUntil, version, writeId, historySize, createdAt, updatedAt, awaiting, flag);
        }
    }
}
