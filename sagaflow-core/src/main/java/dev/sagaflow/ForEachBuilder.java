package dev.sagaflow;

import java.util.List;
import java.util.Objects;

/**
 * Builds a fan-out: one child saga per item of a list in the data, each running the same steps over
 * its item, at most {@link #maxConcurrency} at once, joined as {@link #join} says. The items' steps
 * are registered as the saga {@code <saga>.<step>} of the same version; each item's steps have
 * idempotency keys of their own (the child's id holds the parent's id, the step and the item's index).
 */
public final class ForEachBuilder<D, T> extends ChildrenStepBuilder<D, ForEachBuilder<D, T>> {
    private final java.util.function.Function<? super D, ? extends List<T>> items;
    private final Class<T> itemType;
    private final java.util.function.Consumer<SagaBuilder<T>> steps;
    private Join<? super T> join;
    private BranchMerge<D, T> merge;
    private int maxConcurrency = Integer.MAX_VALUE;
    private boolean undoInParallel;

    ForEachBuilder(SagaBuilder<D> saga, String name, java.util.function.Function<? super D, ? extends List<T>> items,
                   Class<T> itemType, java.util.function.Consumer<SagaBuilder<T>> steps) {
        super(saga, name);
        this.items = Objects.requireNonNull(items, "items");
        this.itemType = Objects.requireNonNull(itemType, "itemType");
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    /** How the items' children join. Default {@link Join#all()}. */
    public ForEachBuilder<D, T> join(Join<? super T> policy) {
        this.join = Objects.requireNonNull(policy, "join");
        return this;
    }

    /** Folds the kept items' data into the saga's data. Default: the data is kept as it was. */
    public ForEachBuilder<D, T> merge(BranchMerge<D, T> merge) {
        this.merge = merge;
        return this;
    }

    /** At most this many items' children run at once. Default: all at once. */
    public ForEachBuilder<D, T> maxConcurrency(int limit) {
        this.maxConcurrency = limit;
        return this;
    }

    /** Compensates completed items all at once. Default: one by one, the latest completed first. */
    public ForEachBuilder<D, T> undoInParallel() {
        this.undoInParallel = true;
        return this;
    }


    @Override
    StepDefinition<D> toDefinition() {
        return StepDefinition.startingChildren(name, condition, new ChildSagas<>(ChildSagas.Shape.FOR_EACH,
                List.of(), List.of(saga.childSaga(name, itemType, steps)), items, join, merge, maxConcurrency, undoInParallel));
    }
}
