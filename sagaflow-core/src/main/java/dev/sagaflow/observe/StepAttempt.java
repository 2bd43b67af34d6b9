package dev.sagaflow.observe;

import java.util.Map;

/**
 * One attempt a {@link StepInterceptor} wraps.
 *
 * @param saga          the instance
 * @param step          the step's name
 * @param attempt       1, 2, 3… within the step (or within its compensation)
 * @param compensation  whether this is the step's compensation
 * @param remote        a remote step: the wrapped call builds and queues its command, whose handler runs
 *                      in a participant; its outcome is the reply, told by a {@link SagaEvent.AttemptEnded}
 * @param startContext  what {@link ContextPropagation#inject} wrote when the saga was started (for a
 *                      trace: the span that started it); empty if nothing was
 */
public record StepAttempt(SagaRef saga, String step, int attempt, boolean compensation, boolean remote,
                          Map<String, String> startContext) {
    public StepAttempt {
        startContext = Map.copyOf(startContext);
    }
}
