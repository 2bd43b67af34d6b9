package dev.sagaflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds a {@link SagaDefinition}; started by {@link Saga#define}. Every setter documents its default. */
public final class SagaBuilder<D> {
    private final String name;
    private final Class<D> dataType;
    private final List<StepBuilder<D>> steps = new ArrayList<>();
    private int version = 1;
    private Duration deadline;
    private RetryPolicy compensationRetry = RetryPolicy.forever();
    private int stallAfterAttempts = 5;
    private int flagAfterAttempts = 10;

    SagaBuilder(String name, Class<D> dataType) {
        this.name = name;
        this.dataType = Objects.requireNonNull(dataType, "dataType");
    }

    /** Version of this definition; in-flight instances finish on the version they started with. Default 1. */
    public SagaBuilder<D> version(int version) {
        this.version = version;
        return this;
    }

    /**
     * Time the saga has from its start to pass its point of no return; past it, the saga is
     * compensated. Default: no deadline.
     */
    public SagaBuilder<D> deadline(Duration deadline) {
        this.deadline = deadline;
        return this;
    }

    /** How compensations are retried; it must not limit attempts. Default {@link RetryPolicy#forever()}. */
    public SagaBuilder<D> compensationRetry(RetryPolicy policy) {
        this.compensationRetry = policy;
        return this;
    }

    /**
     * After this many failed attempts of one compensation the saga shows COMPENSATION_STALLED
     * (still retried, and an operator can {@code retry} it at once). Default 5.
     */
    public SagaBuilder<D> stallAfter(int attempts) {
        this.stallAfterAttempts = attempts;
        return this;
    }

    /**
     * After this many failed attempts of one step that is still retried (a retriable step after the
     * pivot, or any step whose policy allows that many), the saga is flagged {@code RETRYING}: a
     * STEP_FLAGGED history entry, a WARN, and {@link SagaQuery#flaggedOnly()} finds it. It is still
     * retried; the flag goes when the step succeeds. Default 10.
     */
    public SagaBuilder<D> flagAfter(int attempts) {
        this.flagAfterAttempts = attempts;
        return this;
    }

    /** A compensatable step: it may be undone if a later step fails. */
    public StepBuilder<D> step(String stepName) {
        return add(stepName, StepKind.COMPENSATABLE);
    }

    /** The pivot: the point of no return; it has no compensation. */
    public StepBuilder<D> pivot(String stepName) {
        return add(stepName, StepKind.PIVOT);
    }

    /** A retriable step: after the pivot, retried until it succeeds (default {@link RetryPolicy#forever()}). */
    public StepBuilder<D> retriable(String stepName) {
        return add(stepName, StepKind.RETRIABLE);
    }

    private StepBuilder<D> add(String stepName, StepKind kind) {
        StepBuilder<D> step = new StepBuilder<>(this, stepName, kind);
        steps.add(step);
        return step;
    }

    /** Checks the definition against the saga rules and returns it; see {@link SagaDefinition}. */
    public SagaDefinition<D> build() {
        List<StepDefinition<D>> built = steps.stream().map(StepBuilder::toDefinition).toList();
        return new SagaDefinition<>(name, version, dataType, built, deadline, compensationRetry, stallAfterAttempts,
                flagAfterAttempts);
    }
}
