package dev.sagaflow;

import dev.sagaflow.messaging.RemoteCommand;
import dev.sagaflow.messaging.ReplyHandler;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Builds one step; {@code step}, {@code pivot}, {@code retriable}, the waits and {@code build} move on. */
public final class StepBuilder<D> extends StepChain<D> {
    private final String name;
    private final StepKind kind;
    private StepAction<D> action;
    private Compensation<D> compensation;
    private RetryPolicy retry;
    private Duration timeout;
    private Predicate<D> condition;
    private RemoteCommand<D> command;
    private ReplyHandler<D> onReply;
    private RemoteCommand<D> compensationCommand;
    private OutputValidator<D> validator;
    private StepScore<D> score;
    private Fallback<D> fallback;

    StepBuilder(SagaBuilder<D> saga, String name, StepKind kind) {
        super(saga);
        this.name = name;
        this.kind = kind;
    }

    /** The forward call. Required. */
    public StepBuilder<D> invoke(StepAction<D> action) {
        this.action = action;
        return this;
    }

    /**
     * Makes this a remote step: sends a command of {@code type} to {@code channel}, its body built from
     * the data, written to the outbox in the same transaction as the step's start; the step succeeds
     * or fails with the participant's reply. A reply that does not come within the step's
     * {@link #timeout} (default 30 s) is a failure with unknown outcome.
     */
    public StepBuilder<D> sendCommand(String channel, String type, Function<? super D, ?> payload) {
        this.command = new RemoteCommand<>(channel, type, payload);
        return this;
    }

    /** Folds a remote step's success reply into the data. Default: the data is kept as it is. */
    public StepBuilder<D> onReply(ReplyHandler<D> handler) {
        this.onReply = handler;
        return this;
    }

    /** The remote undo: a command sent when this step is compensated; its failure replies are retried. */
    public StepBuilder<D> compensateWithCommand(String channel, String type, Function<? super D, ?> payload) {
        this.compensationCommand = new RemoteCommand<>(channel, type, payload);
        return this;
    }

    /** The undo call; only compensatable steps have one. Default: nothing to undo. */
    public StepBuilder<D> compensateWith(Compensation<D> compensation) {
        this.compensation = compensation;
        return this;
    }

    /**
     * How failed attempts are retried. Default {@link RetryPolicy#defaults()} (3 attempts), and
     * {@link RetryPolicy#forever()} for retriable steps, which must never give up.
     */
    public StepBuilder<D> retry(RetryPolicy retry) {
        this.retry = retry;
        return this;
    }

    /** Limit of one attempt; a timed-out attempt has an unknown outcome. Default: none. */
    public StepBuilder<D> timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Runs the step only when the condition holds for the data at that moment; otherwise it is skipped. */
    public StepBuilder<D> when(Predicate<D> condition) {
        this.condition = condition;
        return this;
    }

    /**
     * Checks the data the step leaves (a remote step's: after {@link #onReply}). An output the validator
     * finds wrong is a failed attempt, retried under the step's {@link #retry} policy (history
     * STEP_FAILED {@code "invalid output: …"}) and never kept as the saga's data; a validator that
     * throws fails the attempt too. The call returned, so its effect may stand: a step that finally
     * fails so is compensated like one that timed out. Default: every output is valid.
     */
    public StepBuilder<D> validate(OutputValidator<D> validator) {
        this.validator = validator;
        return this;
    }

    /**
     * Scores the data the step leaves (after validation): below {@code threshold} (or NaN), the step's
     * {@link #fallback} runs in its place, on the data the step left. The score is kept as the attempt's
     * metadata {@code score}. Needs a fallback; a scorer that throws fails the attempt.
     */
    public StepBuilder<D> score(ToDoubleFunction<? super D> scorer, double threshold) {
        this.score = new StepScore<>(scorer, threshold);
        return this;
    }

    /**
     * What runs in place of this step when its retries are spent (a final failure, which would otherwise
     * compensate the saga) or its {@link #score} is too low; see {@link Fallback}. Recorded as
     * FALLBACK_STARTED with the reason.
     */
    public StepBuilder<D> fallback(Fallback<D> fallback) {
        this.fallback = fallback;
        return this;
    }

    /** As {@link #fallback(Fallback)}, with the fallback's defaults. */
    public StepBuilder<D> fallback(StepAction<D> action) {
        return fallback(Fallback.of(action));
    }

    @Override
    List<StepDefinition<D>> toDefinitions(boolean pastNoReturn) {
        RetryPolicy policy = retry != null ? retry
                : kind == StepKind.RETRIABLE ? RetryPolicy.forever() : RetryPolicy.defaults();
        StepDefinition<D> step = new StepDefinition<>(name, kind, action, compensation, policy, timeout, condition,
                command, onReply, compensationCommand, null, validator, score, null, null, null);
        return fallback == null ? List.of(step) : List.of(step, fallback.toDefinition(name, kind));
    }
}
