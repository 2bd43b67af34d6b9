package dev.sagaflow;

import java.util.List;
import java.util.function.Function;

/**
 * Builds a step that runs another saga as its child and waits for its end: the child's failure fails
 * the step; a later failure of this saga compensates a completed child by running the child's own
 * compensations; cancelling this saga cancels a running child.
 */
public final class ChildStepBuilder<D> extends ChildrenStepBuilder<D, ChildStepBuilder<D>> {
    private final SagaDefinition<?> child;
    private final Function<? super D, ?> input;
    private final BranchMerge<D, Object> fold;

    <C> ChildStepBuilder(SagaBuilder<D> saga, String name, SagaDefinition<C> child, Function<? super D, ? extends C> input,
                         java.util.function.BiFunction<D, C, D> fold) {
        super(saga, name);
        this.child = child;
        this.input = input;
        this.fold = fold == null ? null : (data, kept) -> {
            @SuppressWarnings("unchecked")
            C ended = (C) kept.getFirst().data();
            return fold.apply(data, ended);
        };
    }


    @Override
    StepDefinition<D> toDefinition() {
        return StepDefinition.startingChildren(name, condition, new ChildSagas<>(ChildSagas.Shape.SUB_SAGA, List.of(),
                List.of(child), input, Join.all(), fold, 1, false));
    }
}
