package dev.sagaflow;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How a step that starts child sagas (a {@linkplain SagaBuilder#parallel parallel block}, a
 * {@linkplain SagaBuilder#forEach fan-out}) decides that it is done. Once the outcome is decided (it
 * succeeded, or it can no longer succeed), the branches still running are cancelled and compensated,
 * since their outcome is unknown, as are the completed branches the join does not keep; only then
 * does the saga go on, or compensate its earlier steps.
 *
 * @param <T> the data type of the branches
 */
public final class Join<T> {
    /** The policies. */
    public enum Kind {
        /** Every branch must complete; the first failure fails the join. */
        ALL,
        /** The first branch to complete is kept; the join fails when every branch failed. */
        ANY,
        /** The first {@code n} branches to complete are kept; the join fails as soon as fewer than {@code n} can. */
        QUORUM,
        /** Every branch ends; the completed one with the highest score at or above the threshold is kept. */
        BEST_OF
    }

    private final Kind kind;
    private final int quorum;
    private final ToDoubleFunction<? super T> score;
    private final double threshold;

    private Join(Kind kind, int quorum, ToDoubleFunction<? super T> score, double threshold) {
        this.kind = kind;
        this.quorum = quorum;
        this.score = score;
        this.threshold = threshold;
    }

    /** Every branch must complete. The default. */
    public static <T> Join<T> all() {
        return new Join<>(Kind.ALL, 0, null, 0);
    }

    /** The first branch to complete wins; the others are cancelled (and compensated if they completed). */
    public static <T> Join<T> any() {
        return new Join<>(Kind.ANY, 1, null, 0);
    }

    /** The first {@code n} branches to complete are kept; the rest are cancelled. */
    public static <T> Join<T> quorum(int n) {
        return new Join<>(Kind.QUORUM, n, null, 0);
    }

    /**
     * Waits for every branch, scores each completed one with {@code score} (its data as it ended) and
     * keeps the best whose score is at least {@code threshold}; the other completed ones are
     * compensated. When none reaches the threshold the join fails (a fallback on the step, if any, runs).
     */
    public static <T> Join<T> bestOf(ToDoubleFunction<? super T> score, double threshold) {
        return new Join<>(Kind.BEST_OF, 1, Objects.requireNonNull(score, "score"), threshold);
    }

    public Kind kind() {
        return kind;
    }

    /** How many completed branches the join keeps: all for ALL (0 here), n for QUORUM, 1 otherwise. */
    public int quorum() {
        return quorum;
    }

    public double threshold() {
        return threshold;
    }

    /** The branch's score (BEST_OF only). User code: may throw. */
    public double score(T data) {
        return score.applyAsDouble(data);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case ANY -> "any";
            case QUORUM -> "quorum(" + quorum + ")";
            case BEST_OF -> "bestOf(threshold " + threshold + ")";
        };
    }
}
