package dev.sagaflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a parallel block: named branches, each a sequence of steps (with their own retries,
 * timeouts and compensations) run as a child saga over a copy of the data, and how they join.
 * <pre>{@code
 * .parallel("reserve")
 *     .branch("stock", b -> b.step("hold-stock").invoke(...).compensateWith(...))
 *     .branch("credit", b -> b.step("hold-credit").invoke(...).compensateWith(...))
 *     .join(Join.all())
 *     .merge((order, kept) -> order.withHolds(kept))
 * }</pre>
 * Each branch is registered as the saga {@code <saga>.<block>.<branch>} of the same version.
 */
public final class ParallelBuilder<D> extends ChildrenStepBuilder<D, ParallelBuilder<D>> {
    private final List<String> branchNames = new ArrayList<>();
    private final List<Consumer<SagaBuilder<D>>> branches = new ArrayList<>();
    private Join<? super D> join;
    private BranchMerge<D, D> merge;
    private boolean undoInParallel;

    ParallelBuilder(SagaBuilder<D> saga, String name) {
        super(saga, name);
    }

    /** A branch: its steps, defined on a builder of their own over the saga's data type. */
    public ParallelBuilder<D> branch(String branchName, Consumer<SagaBuilder<D>> steps) {
        branchNames.add(branchName);
        branches.add(Objects.requireNonNull(steps, "steps"));
        return this;
    }

    /** How the branches join. Default {@link Join#all()}. */
    public ParallelBuilder<D> join(Join<? super D> policy) {
        this.join = Objects.requireNonNull(policy, "join");
        return this;
    }

    /** Folds the kept branches' data into the saga's data. Default: the data is kept as it was. */
    public ParallelBuilder<D> merge(BranchMerge<D, D> merge) {
        this.merge = merge;
        return this;
    }

    /** Compensates completed branches all at once. Default: one by one, the latest completed first. */
    public ParallelBuilder<D> undoInParallel() {
        this.undoInParallel = true;
        return this;
    }


    @Override
    StepDefinition<D> toDefinition() {
        // Built now, not as each branch is declared: the saga's version is known only at build().
        List<SagaDefinition<?>> built = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            built.add(saga.childSaga(name + "." + branchNames.get(i), saga.dataType(), branches.get(i)));
        }
        return StepDefinition.startingChildren(name, condition, new ChildSagas<>(ChildSagas.Shape.BRANCHES, branchNames,
                built, null, join, merge, Integer.MAX_VALUE, undoInParallel));
    }
}
