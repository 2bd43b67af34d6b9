package dev.sagaflow;

import java.util.function.ToDoubleFunction;

/**
 * How a step's output is scored: an output that scores below {@code threshold} (or not at all, NaN)
 * hands over to the step's fallback. Set with {@link StepBuilder#score}.
 *
 * @param scorer    the score of the data the step left; kept as the attempt's metadata {@code score}
 * @param threshold the lowest score kept; not NaN
 */
public record StepScore<D>(ToDoubleFunction<? super D> scorer, double threshold) {
    /** Whether {@code score} is too low to keep. */
    public boolean tooLow(double score) {
        return !(score >= threshold);
    }
}
