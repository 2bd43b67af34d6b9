package dev.sagaflow;

/**
 * A completed branch of a step that started child sagas, as the join kept it: handed to the step's
 * merge, in the order the branches completed.
 *
 * @param name  the branch's name ({@link ParallelBuilder#branch}), or the item's index in the list a
 *              {@linkplain SagaBuilder#forEach fan-out} went over, as text
 * @param data  the child saga's data as it completed
 * @param score the join's score of it (best-of joins), or {@code null}
 */
public record Branch<T>(String name, T data, Double score) {
}
