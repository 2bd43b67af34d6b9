package dev.sagaflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Builds a {@link SagaDefinition}; started by {@link Saga#define}. Every setter documents its default. */
public final class SagaBuilder<D> {
    private final String name;
    private final Class<D> dataType;
    /** StepBuilders and WaitBuilders, in order. */
    private final List<Object> steps = new ArrayList<>();
    private int version = 1;
    private Duration deadline;
    private RetryPolicy compensationRetry = RetryPolicy.forever();
    private int stallAfterAttempts = 5;
    private int flagAfterAttempts = 10;
    private String outcomeChannel;

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

    /**
     * A step that waits for the signal {@code signalName}, sent with {@link SagaClient#signal}: its
     * payload, read as {@code payloadType}, is folded into the data by {@code handler}. A signal that
     * comes before the saga reaches this step waits in the instance's inbox. Set a
     * {@linkplain WaitBuilder#timeout timeout} and what follows it on the returned builder.
     */
    public <P> WaitBuilder<D> awaitSignal(String stepName, String signalName, Class<P> payloadType,
                                          SignalHandler<D, ? super P> handler) {
        WaitBuilder<D> wait = new WaitBuilder<>(this, stepName, null, null, signalName,
                Objects.requireNonNull(payloadType, "payloadType"), Objects.requireNonNull(handler, "handler"));
        steps.add(wait);
        return wait;
    }

    /** A durable timer: the saga goes on {@code duration} after it reaches this step. */
    public WaitBuilder<D> sleep(String stepName, Duration duration) {
        WaitBuilder<D> wait = new WaitBuilder<>(this, stepName, Objects.requireNonNull(duration, "duration"), null,
                null, null, null);
        steps.add(wait);
        return wait;
    }

    /** A durable timer: the saga goes on at the time {@code dueTime} gives for the data it has on reaching this step. */
    public WaitBuilder<D> sleepUntil(String stepName, Function<? super D, Instant> dueTime) {
        WaitBuilder<D> wait = new WaitBuilder<>(this, stepName, null, Objects.requireNonNull(dueTime, "dueTime"),
                null, null, null);
        steps.add(wait);
        return wait;
    }

    private StepBuilder<D> add(String stepName, StepKind kind) {
        StepBuilder<D> step = new StepBuilder<>(this, stepName, kind);
        steps.add(step);
        return step;
    }

    /**
     * Publishes a {@link SagaOutcome} event on {@code channel} when an instance ends (types
     * {@code SagaCompleted}, {@code SagaFailed}, {@code SagaCancelled}), through the outbox in the
     * same transaction as its final transition, so other services can react to the end. An engine
     * running this saga needs a transport. Default: no events.
     */
    public SagaBuilder<D> publishOutcomes(String channel) {
        this.outcomeChannel = channel;
        return this;
    }

    /** Checks the definition against the saga rules and returns it; see {@link SagaDefinition}. */
    @SuppressWarnings("unchecked")
    public SagaDefinition<D> build() {
        List<StepDefinition<D>> built = new ArrayList<>();
        boolean pastNoReturn = false;
        for (Object step : steps) {
            List<StepDefinition<D>> definitions = step instanceof WaitBuilder<?> wait
                    ? List.of(((WaitBuilder<D>) wait).toDefinition(pastNoReturn ? StepKind.RETRIABLE : StepKind.COMPENSATABLE))
                    : ((StepBuilder<D>) step).toDefinitions();
            for (StepDefinition<D> definition : definitions) {
                pastNoReturn |= definition.kind() != StepKind.COMPENSATABLE;
                built.add(definition);
            }
        }
        return new SagaDefinition<>(name, version, dataType, built, deadline, compensationRetry, stallAfterAttempts,
                flagAfterAttempts, outcomeChannel);
    }
}
