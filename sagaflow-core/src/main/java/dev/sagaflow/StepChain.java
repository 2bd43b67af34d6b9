package dev.sagaflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/** A step's builder that moves on to the saga's next step, or builds the saga. */
public abstract class StepChain<D> {
    protected final SagaBuilder<D> saga;

    StepChain(SagaBuilder<D> saga) {
        this.saga = saga;
    }

    /**
     * The step, and any hidden step that goes with it (its fallback); {@code pastNoReturn}: an earlier
     * step is the point of no return (a wait there is retriable).
     */
    abstract List<StepDefinition<D>> toDefinitions(boolean pastNoReturn);

    public StepBuilder<D> step(String stepName) {
        return saga.step(stepName);
    }

    public StepBuilder<D> pivot(String stepName) {
        return saga.pivot(stepName);
    }

    public StepBuilder<D> retriable(String stepName) {
        return saga.retriable(stepName);
    }

    public <P> WaitBuilder<D> awaitSignal(String stepName, String signalName, Class<P> payloadType,
                                          SignalHandler<D, ? super P> handler) {
        return saga.awaitSignal(stepName, signalName, payloadType, handler);
    }

    public WaitBuilder<D> sleep(String stepName, Duration duration) {
        return saga.sleep(stepName, duration);
    }

    public WaitBuilder<D> sleepUntil(String stepName, Function<? super D, Instant> dueTime) {
        return saga.sleepUntil(stepName, dueTime);
    }

    public ParallelBuilder<D> parallel(String stepName) {
        return saga.parallel(stepName);
    }

    public <T> ForEachBuilder<D, T> forEach(String stepName, Function<? super D, ? extends List<T>> items,
                                            Class<T> itemType, Consumer<SagaBuilder<T>> steps) {
        return saga.forEach(stepName, items, itemType, steps);
    }

    public <C> ChildStepBuilder<D> child(String stepName, SagaDefinition<C> child, Function<? super D, ? extends C> input,
                                         BiFunction<D, C, D> fold) {
        return saga.child(stepName, child, input, fold);
    }

    public FlowStepBuilder<D> loopTo(String stepName, String target, java.util.function.Predicate<? super D> again) {
        return saga.loopTo(stepName, target, again);
    }

    public FlowStepBuilder<D> continueAsNew(String stepName, Function<? super D, ? extends D> next) {
        return saga.continueAsNew(stepName, next);
    }

    public SagaDefinition<D> build() {
        return saga.build();
    }
}
