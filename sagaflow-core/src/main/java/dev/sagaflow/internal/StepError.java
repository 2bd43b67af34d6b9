package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why an attempt failed, as the history keeps it.
 *
 * @param description the error's class and message, or what happened instead (a timeout, a reply)
 * @param timedOut    the outcome is unknown: the call may or may not have taken effect
 * @param errorType   the exception's class name, or a kind ({@code timeout}, {@code reply}, {@code unknown})
 * @param stackTrace  the exception's stack trace, cut when stored, or {@code null}
 */
public record StepError(String description, boolean retryable, boolean timedOut, String errorType, String stackTrace) {

    public StepError(String description, boolean retryable, boolean timedOut) {
        this(description, retryable, timedOut, timedOut ? "unknown" : "error", null);
    }

    public static StepError of(Throwable error, boolean retryable) {
        String message = error.getMessage();
        return new StepError(error.getClass().getName() + (message == null ? "" : ": " + message), retryable, false,
                error.getClass().getName(), stackTraceOf(error));
    }

    public static StepError timeout(long afterMillis) {
        return new StepError("attempt timed out after " + afterMillis + " ms (outcome unknown)", true, true, "timeout", null);
    }

    public static StepError noReply(long afterMillis) {
        return new StepError("no reply within " + afterMillis + " ms (outcome unknown)", true, true, "timeout", null);
    }

    /** A participant's failure reply. */
    public static StepError reply(String description, boolean retryable) {
        return new StepError(description, retryable, false, "reply", null);
    }

    /**
     * The step returned data its validator refused: retryable, and, as the call returned, its effect
     * may stand (so a step that finally fails so is compensated).
     */
    public static StepError invalidOutput(String problem) {
        return new StepError("invalid output: " + problem, true, true, "invalid-output", null);
    }

    /** The step returned, and checking what it returned (its validator, its scorer) threw. */
    public static StepError checkThrew(String check, Throwable error, boolean retryable) {
        return new StepError("the " + check + " threw " + error, retryable, true, error.getClass().getName(),
                stackTraceOf(error));
    }

    /** The step's call returned, but what followed failed, so whether its effect stands is unknown. */
    public static StepError unknownOutcome(String description) {
        return new StepError(description, false, true, "unknown", null);
    }

    /** The same failure, with the outcome unknown; the cause's trace is kept. */
    public static StepError unknownOutcome(String description, Throwable cause) {
        return new StepError(description, false, true, cause.getClass().getName(), stackTraceOf(cause));
    }

    static String stackTraceOf(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        int max = HistoryEvent.MAX_STACK_TRACE_CHARS;
        return trace.length() <= max ? trace : trace.substring(0, max - 10) + "\n\t… (cut)";
    }
}
