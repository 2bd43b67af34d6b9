package dev.sagaflow;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of an instance's history.
 *
 * @param seq      1, 2, 3… in the order the entries were committed; compensation order follows this, never clocks
 * @param at       when it was recorded
 * @param type     what happened
 * @param step     the step concerned, or {@code null}
 * @param attempt  the attempt concerned (1-based), or 0
 * @param duration the attempt's duration for step and compensation outcomes, else {@link Duration#ZERO}
 * @param detail   error, reason or due time, or {@code null}
 * @param stackTrace for a failed attempt that threw (its first three, and every hundredth after): the
 *                   exception's stack trace, causes included, cut to {@link #MAX_STACK_TRACE_CHARS}; else {@code null}
 * @param metadata   for an attempt's outcome (step or compensation, succeeded or failed): what its body attached
 *                   with {@link StepContext#attach}, and its {@code score}, as the text of a JSON object of at most
 *                   {@link #MAX_METADATA_CHARS}; {@code {"$dropped": why}} in its place when it was too large or not
 *                   JSON; {@code null} when nothing was attached
 */
public record HistoryEvent(int seq, Instant at, HistoryEventType type, String step, int attempt, Duration duration,
                           String detail, String stackTrace, String metadata) {

    /** A stack trace kept in the history is cut here: enough for the frames that matter, small enough to store. */
    public static final int MAX_STACK_TRACE_CHARS = 4_000;
    /** An attempt's metadata, as JSON, is kept up to this length; larger is replaced by a marker saying so. */
    public static final int MAX_METADATA_CHARS = 4_000;

    public HistoryEvent(int seq, Instant at, HistoryEventType type, String step, int attempt, Duration duration,
                        String detail, String stackTrace) {
        this(seq, at, type, step, attempt, duration, detail, stackTrace, null);
    }

    public HistoryEvent(int seq, Instant at, HistoryEventType type, String step, int attempt, Duration duration,
                        String detail) {
        this(seq, at, type, step, attempt, duration, detail, null, null);
    }

    /** This entry with {@code json} as its metadata. */
    public HistoryEvent withMetadata(String json) {
        return new HistoryEvent(seq, at, type, step, attempt, duration, detail, stackTrace, json);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(seq).append(' ').append(type);
        if (step != null) {
            text.append(' ').append(step);
        }
        if (attempt > 0) {
            text.append(" #").append(attempt);
        }
        if (detail != null) {
            text.append(": ").append(detail);
        }
        if (metadata != null) {
            text.append(' ').append(metadata);
        }
        return text.toString();
    }
}
