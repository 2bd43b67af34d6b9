package dev.sagaflow;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * What a waiting step waits for: a durable timer, or a signal with an optional timeout. Built with
 * {@link SagaBuilder#sleep}, {@link SagaBuilder#sleepUntil} or {@link SagaBuilder#awaitSignal}.
 *
 * @param sleep        how long a timer sleeps, or {@code null}
 * @param sleepUntil   when a timer fires, from the data, or {@code null}
 * @param signalName   the awaited signal's name, or {@code null} for a timer
 * @param payloadType  the signal payload's type, read from JSON
 * @param handler      folds the payload into the data
 * @param timeout      how long the signal is awaited, or {@code null} for no limit
 * @param escalateTo   the later step the saga goes on to when the signal times out, or {@code null}
 *                     to compensate instead
 */
public record WaitDefinition<D>(Duration sleep, Function<? super D, Instant> sleepUntil, String signalName,
                                Class<?> payloadType, SignalHandler<D, Object> handler, Duration timeout,
                                String escalateTo) {

    public boolean isSignal() {
        return signalName != null;
    }

    public boolean isTimer() {
        return signalName == null;
    }
}
