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
 */
public record HistoryEvent(int seq, Instant at, HistoryEventType type, String step, int attempt, Duration duration,
                           String detail, String stackTrace) {

    /** A stack trace kept in the history is cut here: enough for the frames that matter, small enough to store. */
    public static final int MAX_STACK_TRACE_CHARS = 4_000;

    public HistoryEvent(int seq, Instant at, HistoryEventType type, String step, int attempt, Duration duration,
                        String detail) {
        this(seq, at, type, step, attempt, duration, detail, null);
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
        return text.toString();
    }
}
