package dev.sagaflow.examples.harness;

import dev.sagaflow.Fallback;
import dev.sagaflow.Join;
import dev.sagaflow.ParallelBuilder;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.StepContext;

import java.time.Duration;

/**
 * One task: open it, ask three small workers at once (a parallel block, one child saga per worker)
 * and keep the best answer scoring at least the threshold; when none does, or every worker failed,
 * the block's fallback escalates to the larger worker, after the workers' results are refunded.
 * Delivering the answer is the pivot. A task whose escalation fails too is compensated: it is
 * abandoned in the ledger.
 */
public final class TaskSaga {
    public static final String NAME = "answer-task";
    public static final String ASK_STEP = "ask-workers";
    /** Each worker's child saga has this one step. */
    public static final String WORKER_STEP = "answer";

    private TaskSaga() {
    }

    /** The child saga name of one worker's branch. */
    public static String workerSaga(String worker) {
        return NAME + "." + ASK_STEP + "." + worker;
    }

    public static SagaDefinition<Task> definition(SimulatedWorkers workers, WorkerLedger ledger, double threshold) {
        ParallelBuilder<Task> ask = Saga.define(NAME, Task.class)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofSeconds(1)).build())
                .step("open-task")
                    .invoke((t, ctx) -> {
                        ledger.open(t.id());
                        return t;
                    })
                    .compensateWith((t, ctx) -> ledger.abandon(t.id()))
                .parallel(ASK_STEP);
        for (String worker : WorkPlan.WORKERS) {
            ask.branch(worker, b -> b.step(WORKER_STEP)
                    .invoke((t, ctx) -> workers.ask(worker, t, ctx))
                    // No timeout: a simulated call always returns, and a timed-out attempt would be one
                    // the plan did not foresee (its number taken, its effect unknown).
                    .retry(RetryPolicy.builder().maxAttempts(WorkPlan.WORKER_ATTEMPTS)
                            .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(200)).build())
                    .validate(SimulatedWorkers::check)
                    // A result the join does not keep (or one that never passed) is paid back.
                    .compensateWith((t, ctx) -> ledger.refund(ctx.idempotencyKey())));
        }
        return ask
                .join(Join.bestOf(Task::score, threshold))
                .merge((t, kept) -> kept.getFirst().data())
                .fallback(Fallback.of((Task t, StepContext ctx) -> workers.escalate(t, ctx))
                        .retry(RetryPolicy.builder().maxAttempts(WorkPlan.ESCALATION_ATTEMPTS)
                                .initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(500)).build()))
                .pivot("deliver-answer")
                    .invoke((t, ctx) -> {
                        ledger.deliver(ctx.idempotencyKey(), t);
                        return t;
                    })
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofSeconds(1)).build())
                .build();
    }

    /** For a client that only reads: it never runs a step. */
    public static SagaDefinition<Task> forClient() {
        return definition(null, null, 0.7);
    }
}
