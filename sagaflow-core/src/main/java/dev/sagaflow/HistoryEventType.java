package dev.sagaflow;

/**
 * What happened to a saga instance; one row of its append-only history each. An attempt's start is
 * not an entry of its own: its outcome (succeeded or failed) carries the attempt's duration, which
 * saves a commit per step.
 */
public enum HistoryEventType {
    SAGA_STARTED,
    /** A remote step's (or compensation's) command went to the outbox; {@code detail} names it and its message id. */
    COMMAND_SENT,
    /** A step attempt returned; {@code duration} is the attempt's own time. */
    STEP_SUCCEEDED,
    /** A step attempt threw or timed out; {@code detail} names the error. */
    STEP_FAILED,
    /**
     * A step's fallback runs in its place: the step's retries are spent (a final failure that would
     * otherwise start compensation), or its output scored below its threshold. {@code step} is the
     * step replaced; {@code detail} says why and names the fallback, a step of its own ({@code <step>.fallback}).
     */
    FALLBACK_STARTED,
    /** A step's condition did not hold, so it was not run. */
    STEP_SKIPPED,
    /** A retry of the step is due at the time in {@code detail}. */
    RETRY_SCHEDULED,
    /** A due retry was taken up again. */
    STEP_RESUMED,
    /**
     * A step has failed as many attempts as its saga's {@code flagAfter} and is still retried: the
     * saga is flagged for an operator until the step succeeds.
     */
    STEP_FLAGGED,
    DEADLINE_EXCEEDED,
    /** An operator asked for the saga to be cancelled; {@code detail} says who asked and why. */
    CANCEL_REQUESTED,
    /** Compensation begins; {@code detail} says why. */
    COMPENSATION_STARTED,
    COMPENSATION_SUCCEEDED,
    COMPENSATION_FAILED,
    COMPENSATION_STALLED,
    /** An operator asked for a stalled compensation to be retried now; {@code detail} says who asked and why. */
    OPERATOR_RETRY,
    /**
     * The instance's next call (a retry, a compensation) waits until a call of it still under way, one
     * whose attempt timed out, has returned: a compensation never overtakes the call it undoes.
     */
    WAITING_FOR_CALL,
    /**
     * A call that timed out has still not returned after the engine's {@code stuckCallAfter}: the
     * saga is flagged CALL_NOT_RETURNING for an operator; what follows still waits for the call.
     */
    CALL_NOT_RETURNING,
    /**
     * A call under way when an operator changed the instance (a cancel) returned; its outcome is not
     * applied, and what the operator asked for (the compensation) starts only now.
     */
    LATE_RESULT,
    /** A waiting step began: a timer, or the wait for a signal; {@code detail} says until when. */
    WAIT_STARTED,
    /** A durable timer's due time came. */
    TIMER_FIRED,
    /** The awaited signal came and was folded into the data; {@code detail} names it and its id. */
    SIGNAL_RECEIVED,
    /** A signal for the wait could not be taken (its payload did not read, or its handler threw); the wait goes on. */
    SIGNAL_REFUSED,
    /** The awaited signal did not come in time; {@code detail} says whether the saga escalates or compensates. */
    SIGNAL_TIMED_OUT,
    /**
     * An operator's request (cancel, retry, skip, resolve) sent through the store was refused by the
     * instance's state; {@code detail} says which request, why it was refused, and who asked and why.
     */
    REQUEST_REFUSED,
    /**
     * An operator marked the compensation of {@code step} done without running it (its effect undone
     * by hand, or none to undo); compensation goes on with the step completed before it.
     * {@code detail} says after how many failed attempts, who asked and why.
     */
    COMPENSATION_SKIPPED,
    /**
     * An operator closed the saga by hand: it ended FAILED or COMPLETED (as asked) at once, running
     * no further step and no compensation. The terminal entry of such a saga, in place of
     * {@link #SAGA_FAILED} or {@link #SAGA_COMPLETED}; {@code detail} says where it stood, who asked and why.
     */
    SAGA_RESOLVED,
    /** A step started its child sagas (a parallel block's branches, a fan-out's items, a sub-saga); the detail lists them. */
    CHILDREN_STARTED,
    /** A child saga of the step ended; the detail names the branch, the child and how it ended. */
    CHILD_ENDED,
    /** The step's join is decided: kept or failed, and which children are cancelled or compensated for it. */
    JOIN_DECIDED,
    /** The step's kept children are being compensated (the saga compensates that step). */
    CHILDREN_UNDO_STARTED,
    /** A loop step went back to an earlier step: a new pass, whose steps have idempotency keys of their own. */
    LOOPED_BACK,
    /** The run ended and the next one began with new data: the first entry of the new run. */
    CONTINUED_AS_NEW,
    SAGA_COMPLETED,
    SAGA_FAILED,
    SAGA_CANCELLED
}
