package dev.sagaflow;

import java.time.Duration;
import java.util.Objects;

/**
 * What runs in place of a step whose retries are spent, or whose output scored too low
 * ({@link StepBuilder#fallback}): a local action with its own retry policy, time limit and, before
 * the point of no return, its own compensation. It is a step of the saga of its own, named
 * {@code <step>.fallback} (its idempotency key is {@code sagaId/<step>.fallback}), that runs only when
 * handed over to; its failure after its retries compensates the saga as the step's would have.
 * Immutable: each setter returns a new one.
 */
public final class Fallback<D> {
    private final StepAction<D> action;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Compensation<D> compensation;

    private Fallback(StepAction<D> action, RetryPolicy retry, Duration timeout, Compensation<D> compensation) {
        this.action = Objects.requireNonNull(action, "action");
        this.retry = retry;
        this.timeout = timeout;
        this.compensation = compensation;
    }

    public static <D> Fallback<D> of(StepAction<D> action) {
        return new Fallback<>(action, null, null, null);
    }

    /**
     * How its failed attempts are retried. Default {@link RetryPolicy#defaults()}, and
     * {@link RetryPolicy#forever()} for the fallback of a pivot or retriable step, which must not give up.
     */
    public Fallback<D> retry(RetryPolicy policy) {
        return new Fallback<>(action, policy, timeout, compensation);
    }

    /** Limit of one attempt; a timed-out attempt has an unknown outcome. Default: none. */
    public Fallback<D> timeout(Duration limit) {
        return new Fallback<>(action, retry, limit, compensation);
    }

    /** Its undo, run if the saga fails later; only for the fallback of a compensatable step. Default: none. */
    public Fallback<D> compensateWith(Compensation<D> undo) {
        return new Fallback<>(action, retry, timeout, undo);
    }

    /** The step that stands in for {@code step} (named {@code <step>.fallback}), of the same kind. */
    StepDefinition<D> toDefinition(String step, StepKind kind) {
        RetryPolicy policy = retry != null ? retry
                : kind == StepKind.COMPENSATABLE ? RetryPolicy.defaults() : RetryPolicy.forever();
        StepKind own = kind == StepKind.COMPENSATABLE ? StepKind.COMPENSATABLE : StepKind.RETRIABLE;
        return new StepDefinition<>(nameFor(step), own, action, compensation, policy, timeout, null, null, null, null,
                null, null, null, step, null, null);
    }

    /** The name of the fallback of {@code step}. */
    public static String nameFor(String step) {
        return step + ".fallback";
    }
}
