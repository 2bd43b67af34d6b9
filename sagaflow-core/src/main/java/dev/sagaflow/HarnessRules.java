package dev.sagaflow;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The saga rules for output validators, scores and fallbacks, checked when a definition is built.
 * A fallback stands where its step stood: past the point of no return nothing is compensated, so
 * a fallback there must be retried until it succeeds and has nothing to undo.
 */
final class HarnessRules {
    /** As every step name. */
    private static final int MAX_NAME = 100;

    private HarnessRules() {
    }

    static <D> void check(List<StepDefinition<D>> steps, Function<String, InvalidSagaDefinitionException> invalid) {
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition<D> step = steps.get(i);
            StepDefinition<D> next = i + 1 < steps.size() ? steps.get(i + 1) : null;
            boolean hasFallback = next != null && next.isFallback();
            if (step.isFallback()) {
                StepDefinition<D> replaced = i == 0 ? null : steps.get(i - 1);
                if (replaced == null || replaced.isFallback() || !Objects.equals(replaced.name(), step.fallbackFor())) {
                    throw invalid.apply("step '" + step.name() + "' is the fallback of '" + step.fallbackFor()
                            + "' but does not come right after it");
                }
            }
            if (step.isWait()) {
                if (step.checksOutput() || hasFallback) {
                    throw invalid.apply("step '" + step.name() + "' waits, so it has no output to validate or score "
                            + "and no fallback");
                }
                checkEscalation(steps, step, invalid);
                continue;
            }
            if (step.score() != null) {
                if (Double.isNaN(step.score().threshold())) {
                    throw invalid.apply("step '" + step.name() + "' has a score threshold that is NaN");
                }
                if (step.score().scorer() == null) {
                    throw invalid.apply("step '" + step.name() + "' has a score(...) without a scorer");
                }
                if (!hasFallback) {
                    throw invalid.apply("step '" + step.name() + "' has a score(...) but no fallback(...): "
                            + "a low score would have nowhere to go");
                }
            }
            if (hasFallback && next.name().length() > MAX_NAME) {
                throw invalid.apply("step '" + step.name() + "' has a fallback, whose name '" + next.name()
                        + "' would be over " + MAX_NAME + " characters: give the step a shorter name");
            }
            if (hasFallback && step.kind() != StepKind.COMPENSATABLE) {
                checkFallbackPastNoReturn(step, next, invalid);
            }
        }
    }

    private static <D> void checkFallbackPastNoReturn(StepDefinition<D> step, StepDefinition<D> fallback,
                                                      Function<String, InvalidSagaDefinitionException> invalid) {
        RetryPolicy retry = fallback.retry();
        if (!retry.isUnlimited() || !retry.nonRetryable().isEmpty()) {
            throw invalid.apply("step '" + step.name() + "' is past the point of no return, so its fallback must be "
                    + "retried until it succeeds; its retry policy can give up ("
                    + (retry.isUnlimited() ? "non-retryable errors " + retry.nonRetryable() : "maxAttempts " + retry.maxAttempts())
                    + ")");
        }
        if (fallback.hasCompensation()) {
            throw invalid.apply("step '" + step.name() + "' has a fallback with a compensation, but it is past the "
                    + "point of no return, where nothing is compensated");
        }
    }

    /** A fallback runs only in place of its step: a wait cannot escalate to it. */
    private static <D> void checkEscalation(List<StepDefinition<D>> steps, StepDefinition<D> wait,
                                            Function<String, InvalidSagaDefinitionException> invalid) {
        String target = wait.waitFor().escalateTo();
        for (StepDefinition<D> step : steps) {
            if (step.isFallback() && step.name().equals(target)) {
                throw invalid.apply("step '" + wait.name() + "' escalates to '" + target + "', the fallback of step '"
                        + step.fallbackFor() + "', which runs only in its place");
            }
        }
    }
}
