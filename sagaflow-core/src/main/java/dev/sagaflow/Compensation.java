package dev.sagaflow;

/**
 * Semantically undoes a step. Retried with backoff until it succeeds, so it must be idempotent; it
 * may also be called for a step whose outcome is unknown (timed out, or interrupted by a crash or a
 * cancel), so undoing something that never happened must be a harmless no-op.
 */
@FunctionalInterface
public interface Compensation<D> {
    void compensate(D data, StepContext context) throws Exception;
}
