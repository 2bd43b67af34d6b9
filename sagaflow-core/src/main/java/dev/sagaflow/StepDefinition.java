package dev.sagaflow;

import dev.sagaflow.messaging.RemoteCommand;
import dev.sagaflow.messaging.ReplyHandler;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One step of a saga definition, built with {@link StepBuilder}.
 *
 * @param name         unique within the saga; part of the step's idempotency key
 * @param kind         compensatable, pivot or retriable
 * @param action       the forward call
 * @param compensation the undo call, or {@code null} when there is nothing to undo
 * @param retry        how failed attempts are retried
 * @param timeout      limit of one attempt, or {@code null} for none; a timed-out attempt has an
 *                     unknown outcome, so if the step finally fails it is compensated too
 * @param condition    the step runs only when this holds for the data at that moment, or always when {@code null}
 * @param command      for a remote step, the command sent instead of calling {@code action}
 * @param onReply      for a remote step, folds the success reply into the data, or {@code null} to keep the data
 * @param compensationCommand the command that undoes a remote step, instead of {@code compensation}
 * @param waitFor      for a waiting step (a timer, a signal), what it waits for; {@code null} for a call
 * @param children     for a step that starts child sagas (a parallel block, a fan-out, a sub-saga), which
 *                     and how they join; {@code null} for others
 * @param flow         for a step that loops back or continues as new, where it goes; {@code null} for others
 * @param validator    checks the data the step left (after {@code onReply} for a remote step); an output
 *                     that does not pass is a retryable failed attempt, or {@code null} for none
 * @param score        scores the data the step left; too low a score hands over to its fallback, or {@code null}
 * @param fallbackFor  for the step that is another's fallback, that step's name (it comes right before this
 *                     one, and this one runs only when it hands over); {@code null} for any other step
 */
public record StepDefinition<D>(String name, StepKind kind, StepAction<D> action, Compensation<D> compensation,
                                RetryPolicy retry, Duration timeout, Predicate<D> condition,
                                RemoteCommand<D> command, ReplyHandler<D> onReply, RemoteCommand<D> compensationCommand,
                                WaitDefinition<D> waitFor, OutputValidator<D> validator, StepScore<D> score,
                                String fallbackFor, ChildSagas<D> children, FlowControl<D> flow) {

    /** A step with no validator, no score and that is nobody's fallback. */
    public StepDefinition(String name, StepKind kind, StepAction<D> action, Compensation<D> compensation,
                          RetryPolicy retry, Duration timeout, Predicate<D> condition, RemoteCommand<D> command,
                          ReplyHandler<D> onReply, RemoteCommand<D> compensationCommand, WaitDefinition<D> waitFor) {
        this(name, kind, action, compensation, retry, timeout, condition, command, onReply, compensationCommand, waitFor,
                null, null, null, null, null);
    }

    /** A flow step: nothing to call or undo; retriable, as it only moves the saga on. */
    static <D> StepDefinition<D> controllingFlow(String name, Predicate<D> condition, FlowControl<D> flow) {
        return new StepDefinition<>(name, StepKind.RETRIABLE, null, null, RetryPolicy.forever(), null, condition,
                null, null, null, null, null, null, null, null, flow);
    }

    /**
     * A step that starts child sagas: compensatable (its compensation compensates the children it
     * kept), and never retried: a child retries its own steps, and a join that failed has undone its children.
     */
    static <D> StepDefinition<D> startingChildren(String name, Predicate<D> condition, ChildSagas<D> children) {
        return new StepDefinition<>(name, StepKind.COMPENSATABLE, null, null, RetryPolicy.defaults(), null, condition,
                null, null, null, null, null, null, null, children, null);
    }

    /** How long a remote step waits for its reply when no timeout is set. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);

    public boolean hasCompensation() {
        return compensation != null || compensationCommand != null || children != null;
    }

    /** The step loops back or continues as new. */
    public boolean controlsFlow() {
        return flow != null;
    }

    /** The step starts child sagas and waits for them to join. */
    public boolean startsChildren() {
        return children != null;
    }

    /** The step sends a command and waits for a reply instead of calling a local action. */
    public boolean isRemote() {
        return command != null;
    }

    /** The step waits (a timer, a signal) instead of calling anything. */
    public boolean isWait() {
        return waitFor != null;
    }

    /** The step runs only in place of the one before it, as its fallback. */
    public boolean isFallback() {
        return fallbackFor != null;
    }

    /** The data it leaves is checked (validated or scored) before it is kept. */
    public boolean checksOutput() {
        return validator != null || score != null;
    }

    public boolean hasRemoteCompensation() {
        return compensationCommand != null;
    }

    /** How long one remote attempt waits for its reply. */
    public Duration replyTimeout() {
        return timeout != null ? timeout : DEFAULT_REPLY_TIMEOUT;
    }

    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(timeout);
    }

    public boolean runsFor(D data) {
        return condition == null || condition.test(data);
    }
}
