package dev.sagaflow.internal;

import dev.sagaflow.StepDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A step's checks of the data it left, before it is kept: the validator (an output that does not pass
 * is a retryable failed attempt), then the score (too low hands over to the fallback). User code:
 * what it throws fails the attempt.
 */
final class OutputChecks {
    /** Beside the runner's own failed attempts; the MDC says which saga and attempt. */
    private static final Logger outcomes = LoggerFactory.getLogger("dev.sagaflow.outcomes");

    private OutputChecks() {
    }

    /**
     * The outcome once checked: as it was, failed, or {@link AttemptOutcome.ScoredLow}. The score, when
     * there is one, goes into {@code metadata}.
     */
    static AttemptOutcome check(StepDefinition<Object> step, AttemptOutcome outcome, Map<String, Object> metadata) {
        if (!(outcome instanceof AttemptOutcome.Done done) || !step.checksOutput()) {
            return outcome;
        }
        Object output = done.data();
        if (step.validator() != null) {
            try {
                String problem = step.validator().check(output);
                if (problem != null && !problem.isBlank()) {
                    outcomes.warn("step '{}': invalid output: {}", step.name(), problem);
                    return AttemptOutcome.failed(StepError.invalidOutput(problem));
                }
            } catch (Throwable e) {
                outcomes.warn("step '{}': the output validator threw; the attempt fails", step.name(), e);
                return AttemptOutcome.failed(StepError.checkThrew("output validator", e, step.retry().isRetryable(e)));
            }
        }
        if (step.score() == null) {
            return outcome;
        }
        double score;
        try {
            score = step.score().scorer().applyAsDouble(output);
        } catch (Throwable e) {
            outcomes.warn("step '{}': the scorer threw; the attempt fails", step.name(), e);
            return AttemptOutcome.failed(StepError.checkThrew("scorer", e, step.retry().isRetryable(e)));
        }
        metadata.put("score", score);
        return step.score().tooLow(score)
                ? new AttemptOutcome.ScoredLow(done.json(), done.data(), score, step.score().threshold()) : outcome;
    }
}
