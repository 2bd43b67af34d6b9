package dev.sagaflow;

/**
 * The forward action of a step. It returns the saga's data after the step: a new value (records
 * are immutable, so {@code data.withChargeId(id)}), the same value, or {@code null} for "unchanged".
 * It may be called more than once for one saga (at least once): use {@link StepContext#idempotencyKey()}.
 */
@FunctionalInterface
public interface StepAction<D> {
    D apply(D data, StepContext context) throws Exception;
}
