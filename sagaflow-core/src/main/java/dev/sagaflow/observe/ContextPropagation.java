package dev.sagaflow.observe;

import java.util.Map;

/**
 * Carries the caller's context (W3C trace context, baggage) into the saga: written when a saga is
 * started, on the starting thread, and kept with the instance (every attempt of it gets it as
 * {@link StepAttempt#startContext()}); written again into the headers of every message an attempt
 * sends, on the attempt's thread inside its interceptors, so a participant's handler continues it.
 */
@FunctionalInterface
public interface ContextPropagation {

    /** Writes the calling thread's current context into {@code carrier}; writes nothing if there is none. */
    void inject(Map<String, String> carrier);
}
