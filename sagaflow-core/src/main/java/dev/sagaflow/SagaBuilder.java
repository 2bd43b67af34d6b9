package dev.sagaflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** Builds a {@link SagaDefinition}; started by {@link Saga#define}. Every setter documents its default. */
public final class SagaBuilder<D> {
    private final String name;
    private final Class<D> dataType;
    /** The steps' builders, in order. */
    private final List<StepChain<D>> steps = new ArrayList<>();
    private int version = 1;
    private Duration deadline;
    private RetryPolicy compensationRetry = RetryPolicy.forever();
    private int stallAfterAttempts = 5;
    private int flagAfterAttempts = 10;
    private String outcomeChannel;
    private int keepRuns = 10;

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

    /**
     * A parallel block: branches of steps that run at once, each as a child saga, joined as
     * {@link ParallelBuilder#join} says. See {@link ParallelBuilder}.
     */
    public ParallelBuilder<D> parallel(String stepName) {
        ParallelBuilder<D> block = new ParallelBuilder<>(this, stepName);
        steps.add(block);
        return block;
    }

    /**
     * A fan-out: the steps {@code steps} defines run as one child saga per item of the list
     * {@code items} gives for the data, joined as {@link ForEachBuilder#join} says.
     */
    public <T> ForEachBuilder<D, T> forEach(String stepName, Function<? super D, ? extends List<T>> items,
                                            Class<T> itemType, java.util.function.Consumer<SagaBuilder<T>> steps) {
        ForEachBuilder<D, T> fanOut = new ForEachBuilder<>(this, stepName, items, itemType, steps);
        this.steps.add(fanOut);
        return fanOut;
    }

    /**
     * A sub-saga: runs {@code child} (a definition of its own, registered with this one) over the input
     * {@code input} makes of the data, waits for its end and folds its data back with {@code fold}
     * ({@code null}: the data stays as it was). See {@link ChildStepBuilder}.
     */
    public <C> ChildStepBuilder<D> child(String stepName, SagaDefinition<C> child, Function<? super D, ? extends C> input,
                                         java.util.function.BiFunction<D, C, D> fold) {
        ChildStepBuilder<D> step = new ChildStepBuilder<>(this, stepName, Objects.requireNonNull(child, "child"),
                Objects.requireNonNull(input, "input"), fold);
        steps.add(step);
        return step;
    }

    /**
     * A flow step that goes back to step {@code target} while {@code again} holds for the data, and on
     * otherwise. Only steps after the point of no return are repeated (retriable steps, waits after the
     * pivot): nothing repeated is ever compensated. Each pass's steps get idempotency keys of their own.
     */
    public FlowStepBuilder<D> loopTo(String stepName, String target, Predicate<? super D> again) {
        FlowStepBuilder<D> step = new FlowStepBuilder<>(this, stepName, new FlowControl.LoopTo<>(
                Objects.requireNonNull(target, "target"), Objects.requireNonNull(again, "again")));
        steps.add(step);
        return step;
    }

    /**
     * The saga's last step: ends the current run and starts the next (same saga id, run + 1) at the
     * first step, with the data {@code next} makes of the current data, in one transition. What the
     * ended run completed is not compensated any more. Its history is kept for {@link #keepRuns} runs.
     */
    public FlowStepBuilder<D> continueAsNew(String stepName, Function<? super D, ? extends D> next) {
        FlowStepBuilder<D> step = new FlowStepBuilder<>(this, stepName, new FlowControl.ContinueAsNew<>(
                Objects.requireNonNull(next, "next")));
        steps.add(step);
        return step;
    }

    /**
     * How many runs of a saga that continues as new keep their history (the current one included);
     * older runs' entries are deleted with the transition that starts a new run. Default 10.
     */
    public SagaBuilder<D> keepRuns(int runs) {
        this.keepRuns = runs;
        return this;
    }

    Class<D> dataType() {
        return dataType;
    }

    /** The saga a branch (or a fan-out's items) runs: named after this one, of the same version. */
    <T> SagaDefinition<T> childSaga(String suffix, Class<T> type, java.util.function.Consumer<SagaBuilder<T>> steps) {
        SagaBuilder<T> child = new SagaBuilder<>(name + "." + suffix, type).version(version)
                .compensationRetry(compensationRetry).stallAfter(stallAfterAttempts).flagAfter(flagAfterAttempts);
        steps.accept(child);
        return child.build();
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
        for (StepChain<D> step : steps) {
            List<StepDefinition<D>> definitions = step.toDefinitions(pastNoReturn);
            for (StepDefinition<D> definition : definitions) {
                pastNoReturn |= definition.kind() != StepKind.COMPENSATABLE;
                built.add(definition);
            }
        }
        return new SagaDefinition<>(name, version, dataType, built, deadline, compensationRetry, stallAfterAttempts,
                flagAfterAttempts, outcomeChannel, keepRuns);
    }
}
