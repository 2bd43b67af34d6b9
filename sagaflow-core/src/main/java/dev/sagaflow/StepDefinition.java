package dev.sagaflow;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One step of a saga definition, built with {@link StepBuilder}.
 *
 * @param name         unique within the saga; part of the step's idempotency key
 * @param kind         compensatable, pivot or retriable
 * @param action       the forward call
 * @param compensation the undo call, or {@code null} when there is nothing to undo
 * @param retry        how failed attempts are retried
 * @param timeout      limit of one attempt, or {@code null} for none; a timed-out attempt has an
 *                     unknown outcome, so if the step finally fails it is compensated too
 * @param condition    the step runs only when this holds for the data at that moment, or always when {@code null}
 */
public record StepDefinition<D>(String name, StepKind kind, StepAction<D> action, Compensation<D> compensation,
                                RetryPolicy retry, Duration timeout, Predicate<D> condition) {

    public boolean hasCompensation() {
        return compensation != null;
    }

    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(timeout);
    }

    public boolean runsFor(D data) {
        return condition == null || condition.test(data);
    }
}
