package dev.sagaflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a step that starts child sagas starts, and how it joins them: a parallel block (named
 * branches, each a saga of its own over a copy of the data), a fan-out (one child per item of a list
 * in the data, at most {@code maxConcurrency} at once) or a sub-saga (one child of another definition).
 * Each child is a saga instance with a row of its own, written in the same transaction as the
 * parent's transition that starts it; its steps run, retry, time out and compensate as any saga's, and
 * its end reaches the parent's inbox in the same transaction as the child's final transition.
 *
 * @param <D> the parent's data type
 */
public final class ChildSagas<D> {
    /** The three shapes. */
    public enum Shape { BRANCHES, FOR_EACH, SUB_SAGA }

    /** One child to start: its branch name, its definition and its first data. */
    public record Input(String branch, SagaDefinition<?> definition, Object data) {
    }

    private final Shape shape;
    private final List<String> branchNames;
    private final List<SagaDefinition<?>> definitions;
    private final Function<? super D, ?> input;
    private final Join<Object> join;
    private final BranchMerge<D, Object> merge;
    private final int maxConcurrency;
    private final boolean undoInParallel;

    @SuppressWarnings("unchecked")
    ChildSagas(Shape shape, List<String> branchNames, List<SagaDefinition<?>> definitions, Function<? super D, ?> input,
               Join<?> join, BranchMerge<D, ?> merge, int maxConcurrency, boolean undoInParallel) {
        this.shape = shape;
        this.branchNames = List.copyOf(branchNames);
        this.definitions = List.copyOf(definitions);
        this.input = input;
        this.join = (Join<Object>) (join == null ? Join.all() : join);
        this.merge = (BranchMerge<D, Object>) merge;
        this.maxConcurrency = maxConcurrency;
        this.undoInParallel = undoInParallel;
    }

    public Shape shape() {
        return shape;
    }

    /** The definitions its children run: one per branch, or the one every item (or the sub-saga) runs. */
    public List<SagaDefinition<?>> definitions() {
        return definitions;
    }

    public List<String> branchNames() {
        return branchNames;
    }

    public Join<Object> join() {
        return join;
    }

    /** At most this many children run at once (a fan-out); the others start as running ones end. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Completed branches are compensated all at once instead of one by one, latest completed first. */
    public boolean undoInParallel() {
        return undoInParallel;
    }

    /**
     * The children to start for {@code data}, in order. User code runs here (a fan-out's list, a
     * sub-saga's input): what it throws fails the step.
     */
    public List<Input> inputs(D data) {
        List<Input> inputs = new ArrayList<>();
        switch (shape) {
            case BRANCHES -> {
                for (int i = 0; i < branchNames.size(); i++) {
                    inputs.add(new Input(branchNames.get(i), definitions.get(i), data));
                }
            }
            case FOR_EACH -> {
                List<?> items = (List<?>) input.apply(data);
                if (items == null) {
                    throw new IllegalArgumentException("the list to fan out over is null");
                }
                for (int i = 0; i < items.size(); i++) {
                    inputs.add(new Input(Integer.toString(i), definitions.getFirst(),
                            Objects.requireNonNull(items.get(i), "item " + i + " of the list to fan out over")));
                }
            }
            case SUB_SAGA -> inputs.add(new Input(definitions.getFirst().name(), definitions.getFirst(),
                    Objects.requireNonNull(input.apply(data), "the sub-saga's input")));
        }
        return inputs;
    }

    /** The data after the join kept {@code kept}; the data as it was when there is no merge or it returns null. */
    public D merge(D data, List<Branch<Object>> kept) throws Exception {
        if (merge == null) {
            return data;
        }
        D merged = merge.merge(data, kept);
        return merged == null ? data : merged;
    }
}
