package dev.sagaflow.internal;

/**
 * Why a step or compensation attempt did not succeed, reduced to what a transition needs.
 *
 * @param description the error's type and message, for the history
 * @param retryable   the step's retry policy allows retrying this error
 * @param timedOut    the attempt ran out of time, so its outcome is unknown
 */
public record StepError(String description, boolean retryable, boolean timedOut) {

    public static StepError of(Throwable error, boolean retryable) {
        String message = error.getMessage();
        return new StepError(error.getClass().getName() + (message == null ? "" : ": " + message), retryable, false);
    }

    public static StepError timeout(long afterMillis) {
        return new StepError("attempt timed out after " + afterMillis + " ms (outcome unknown)", true, true);
    }

    public static StepError noReply(long afterMillis) {
        return new StepError("no reply within " + afterMillis + " ms (outcome unknown)", true, true);
    }

    /** The step's call returned, but what followed failed, so whether its effect stands is unknown. */
    public static StepError unknownOutcome(String description) {
        return new StepError(description, false, true);
    }
}
