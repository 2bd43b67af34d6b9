package dev.sagaflow.examples.harness;

import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;

/**
 * What the store says became of one task: its state and, from its data, whose answer it kept.
 *
 * @param answeredBy the worker in its data, {@code null} when none answered
 */
public record TaskOutcome(SagaState state, String answeredBy, double score) {

    public static TaskOutcome of(SagaInstance instance) {
        Task t = instance.data(Task.class);
        return new TaskOutcome(instance.state(), t.answeredBy(), t.score());
    }

    /** The fate its state and data show, or {@code null} when they fit none. */
    public WorkPlan.Fate fate() {
        if (state == SagaState.FAILED) {
            return WorkPlan.Fate.FAILED;
        }
        if (state != SagaState.COMPLETED) {
            return null;
        }
        if (WorkPlan.ESCALATION.equals(answeredBy)) {
            return WorkPlan.Fate.ESCALATED;
        }
        return WorkPlan.WORKERS.contains(answeredBy) ? WorkPlan.Fate.BEST_OF_3 : null;
    }

    /** How it reads in a summary: {@code best_of_3 mini 0.812}, {@code escalated large 0.91}, {@code failed}. */
    public String describe() {
        WorkPlan.Fate fate = fate();
        if (fate == null) {
            return state + (answeredBy == null ? "" : " " + answeredBy);
        }
        return fate == WorkPlan.Fate.FAILED ? "failed" : fate.name().toLowerCase() + " " + answeredBy + " " + score;
    }
}
