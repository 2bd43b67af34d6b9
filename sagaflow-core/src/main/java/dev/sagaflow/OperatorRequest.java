package dev.sagaflow;

import java.util.Objects;

/**
 * An operator's request about one saga instance, sent through the store with
 * {@link SagaClient#request}: it waits in the instance's inbox until the node that holds the
 * instance, or next claims it, applies it at its next transition point (never while a call of the
 * instance is under way), or refuses it in the history when the instance's state does not allow it.
 * The client needs no saga definition for it. Each is recorded in the history with who asked and why.
 *
 * @param kind      what is asked
 * @param operator  who asks ({@code null}: the OS user)
 * @param reason    why, or {@code null}
 * @param outcome   for {@link Kind#RESOLVE}: the terminal state, FAILED or COMPLETED; else {@code null}
 * @param requestId the request's id, so that sending it again changes nothing ({@code null}: a new random id)
 */
public record OperatorRequest(Kind kind, String operator, String reason, SagaState outcome, String requestId) {

    public enum Kind {
        /** Compensate the completed steps (and the one under way), then end CANCELLED. */
        CANCEL,
        /** Retry a compensating (usually stalled) saga's compensation now, its attempt count reset. */
        RETRY,
        /**
         * Mark the compensation under way (stalled, or failing) as done without running it: the operator
         * undid its effect by hand, or there is none. Compensation goes on with the step completed
         * before it. Only for a compensating saga.
         */
        SKIP,
        /**
         * Close a non-terminal saga by hand: it ends at once as {@code outcome} (FAILED or COMPLETED),
         * running no further step and no compensation. Whatever its steps did stays as it is: the
         * operator answers for it.
         */
        RESOLVE
    }

    /** Longest reason kept: the history entry that records the request must hold it whole, with its request id. */
    public static final int MAX_REASON_LENGTH = 1_000;

    public OperatorRequest {
        Objects.requireNonNull(kind, "kind");
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason must be at most " + MAX_REASON_LENGTH + " characters; was "
                    + reason.length());
        }
        if (operator != null && (operator.isBlank() || operator.length() > 200)) {
            throw new IllegalArgumentException("operator must be 1-200 characters; was " + operator.length());
        }
        if (kind == Kind.RESOLVE) {
            outcome = outcome == null ? SagaState.FAILED : outcome;
            if (outcome != SagaState.FAILED && outcome != SagaState.COMPLETED) {
                throw new IllegalArgumentException("a saga is resolved as FAILED or COMPLETED, not " + outcome);
            }
        } else if (outcome != null) {
            throw new IllegalArgumentException("only a resolve request has an outcome; a " + kind + " has none");
        }
    }

    public static OperatorRequest cancel(String operator, String reason) {
        return new OperatorRequest(Kind.CANCEL, operator, reason, null, null);
    }

    public static OperatorRequest retry(String operator, String reason) {
        return new OperatorRequest(Kind.RETRY, operator, reason, null, null);
    }

    public static OperatorRequest skip(String operator, String reason) {
        return new OperatorRequest(Kind.SKIP, operator, reason, null, null);
    }

    /** @param outcome FAILED (the usual: the business transaction did not happen) or COMPLETED */
    public static OperatorRequest resolve(String operator, String reason, SagaState outcome) {
        return new OperatorRequest(Kind.RESOLVE, operator, reason, outcome, null);
    }

    /** The same request with this id: sent twice, it is applied once. */
    public OperatorRequest withId(String id) {
        return new OperatorRequest(kind, operator, reason, outcome, id);
    }

    /** What became of a request, as far as the store tells now. */
    public record Outcome(Status status, String detail) {
    }

    public enum Status {
        /** Still in the instance's inbox: no node has taken it yet (none runs, or the instance is in a call). */
        PENDING,
        /** Applied; {@code detail} is the history entry's. */
        APPLIED,
        /** Refused by the instance's state ({@code detail} says why), or the instance ended before it was taken. */
        REFUSED
    }
}
