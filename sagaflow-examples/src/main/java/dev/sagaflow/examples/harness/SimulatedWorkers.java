package dev.sagaflow.examples.harness;

import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.StepContext;

/**
 * The workers, simulated: each attempt does what the {@link WorkPlan} says for its task, worker and
 * attempt number: takes its latency, then fails transiently (nothing charged), or charges its tokens
 * and answers, usefully or not (an empty answer, which the step's validator turns down). Every
 * attempt attaches what it did to itself (worker, model, tokens, latency, score, outcome), kept with
 * the attempt in the saga's history.
 */
public final class SimulatedWorkers {
    /** The answer an invalid attempt gives: nothing useful. */
    static final String EMPTY = "";

    private final WorkPlan plan;
    private final WorkerLedger ledger;

    public SimulatedWorkers(WorkPlan plan, WorkerLedger ledger) {
        this.plan = plan;
        this.ledger = ledger;
    }

    /** The model behind each worker, for the history. */
    static String model(String worker) {
        return worker + "-model-v1";
    }

    /** One attempt of a small worker at the task. */
    public Task ask(String worker, Task t, StepContext ctx) throws Exception {
        return attempt(plan.worker(t.number(), worker), t, ctx);
    }

    /** One attempt of the larger worker, the fan-out's fallback. */
    public Task escalate(Task t, StepContext ctx) throws Exception {
        return attempt(plan.escalation(t.number()), t, ctx);
    }

    private Task attempt(WorkPlan.WorkerPlan p, Task t, StepContext ctx) throws Exception {
        WorkPlan.Attempt a = p.attempt(ctx.attempt());
        ctx.attach("worker", p.worker()).attach("model", model(p.worker())).attach("latency_ms", a.latencyMillis());
        Thread.sleep(a.latencyMillis());
        ctx.attach("outcome", a.kind().name().toLowerCase());
        switch (a.kind()) {
            case TRANSIENT -> throw new IllegalStateException(p.worker() + " is rate-limited, try again");
            case REFUSED -> throw new NonRetryableStepException(p.worker() + " refuses the task: it does not fit its context");
            default -> {
            }
        }
        ledger.charge(ctx.idempotencyKey(), ctx.attempt(), t.id(), p.worker(), a.tokens());
        ctx.attach("tokens", a.tokens());
        if (a.kind() == WorkPlan.Kind.INVALID) {
            return t.answered(EMPTY, p.score(), p.worker());
        }
        ctx.attach("score", p.score());
        return t.answered(p.worker() + "'s summary of document " + t.number(), p.score(), p.worker());
    }

    /** The validator on each worker's step: what is wrong with its output, or {@code null}. */
    static String check(Task output) {
        if (output.answer() == null || output.answer().isBlank()) {
            return "empty answer from " + output.answeredBy();
        }
        if (!(output.score() >= 0 && output.score() <= 1)) {
            return "score " + output.score() + " is not between 0 and 1";
        }
        return null;
    }
}
