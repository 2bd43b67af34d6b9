package dev.sagaflow;

/**
 * Looks at the data a step left (its output) and says what is wrong with it. An output that does not
 * pass is a failed attempt that may be retried (history STEP_FAILED, {@code "invalid output: …"}),
 * and it never becomes the saga's data. For workers that answer without failing but not always
 * usefully: a model's reply, a partner API that returns an empty page.
 */
@FunctionalInterface
public interface OutputValidator<D> {
    /**
     * What is wrong with {@code output}, in a few words for the history; {@code null} or empty when it
     * is valid. What it throws fails the attempt too.
     */
    String check(D output) throws Exception;
}
