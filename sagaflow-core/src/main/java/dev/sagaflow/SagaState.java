package dev.sagaflow;

/**
 * Where a saga instance stands. The transitions are those of SPEC.md §1:
 * {@code STARTED → RUNNING ⇄ WAITING → COMPLETED}, {@code RUNNING/WAITING → COMPENSATING → FAILED},
 * {@code COMPENSATING → COMPENSATION_STALLED}, and any non-terminal state {@code → CANCELLED}
 * (after compensating). A choreographed saga's state is the {@code SagaTracker}'s reading of its
 * events, with {@code STALLED} for one past its deadline.
 */
public enum SagaState {
    /** Stored, no step has finished yet. */
    STARTED,
    /** A forward step is due or running. */
    RUNNING,
    /** Waiting for a due time (a retry's backoff); no thread is held. */
    WAITING,
    /** Undoing completed steps in reverse order of completion. */
    COMPENSATING,
    /** A compensation keeps failing; it is still retried and an operator may act. */
    COMPENSATION_STALLED,
    /**
     * A choreographed saga passed its deadline without finishing: the tracker flagged it (and may
     * have published its timeout event). It moves on if its events still come.
     */
    STALLED,
    /** Every step succeeded (or was skipped by its condition). */
    COMPLETED,
    /** A step failed and every completed step was compensated. */
    FAILED,
    /** An operator cancelled the saga and every completed step was compensated. */
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean isCompensating() {
        return this == COMPENSATING || this == COMPENSATION_STALLED;
    }
}
