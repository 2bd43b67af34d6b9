package dev.sagaflow;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the builders of steps that start child sagas share: a condition, and a fallback that runs in
 * the step's place when its join fails (a branch failed under {@code all}, no branch scored well
 * enough under {@code bestOf}, too few completed for a quorum), after the children it ran are undone.
 */
public abstract class ChildrenStepBuilder<D, B extends ChildrenStepBuilder<D, B>> extends StepChain<D> {
    protected final String name;
    protected Predicate<D> condition;
    private Fallback<D> fallback;

    ChildrenStepBuilder(SagaBuilder<D> saga, String name) {
        super(saga);
        this.name = name;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Runs the step only when the condition holds for the data at that moment; otherwise it is skipped. */
    public B when(Predicate<D> holds) {
        this.condition = holds;
        return self();
    }

    /** Runs {@code fallback} in the step's place when its join fails (named {@code <step>.fallback}). */
    public B fallback(Fallback<D> fallback) {
        this.fallback = fallback;
        return self();
    }

    /** As {@link #fallback(Fallback)}, with the fallback's defaults. */
    public B fallback(StepAction<D> action) {
        return fallback(Fallback.of(action));
    }

    abstract StepDefinition<D> toDefinition();

    @Override
    List<StepDefinition<D>> toDefinitions(boolean pastNoReturn) {
        StepDefinition<D> step = toDefinition();
        return fallback == null ? List.of(step) : List.of(step, fallback.toDefinition(name, step.kind()));
    }
}
