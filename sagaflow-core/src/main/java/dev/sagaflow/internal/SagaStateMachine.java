package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepDefinition;
import dev.sagaflow.StepKind;
import dev.sagaflow.WaitDefinition;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SignalRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntPredicate;

/**
 * The one place where a saga instance's transitions are decided. Pure: given the instance row and
 * an event (and the time, and a random number for jitter) it returns the next row and the history
 * entries; it does no I/O and runs no user code except step conditions, which must be pure.
 * Stores persist its answers, the engine runs the effects it names.
 */
public final class SagaStateMachine {
    /** Flag of an instance whose step has failed {@code flagAfter} attempts and is still retried. */
    public static final String FLAG_RETRYING = "RETRYING";
    /** Flag of an instance whose compensation stalled (still retried). */
    public static final String FLAG_STALLED = "COMPENSATION_STALLED";
    /** Flag of an instance whose next call waits for one that timed out long ago and has not returned. */
    public static final String FLAG_CALL_NOT_RETURNING = "CALL_NOT_RETURNING";

    private final SagaDefinition<?> definition;
    private final DoubleSupplier random;

    public SagaStateMachine(SagaDefinition<?> definition, DoubleSupplier random) {
        this.definition = definition;
        this.random = random;
    }

    public SagaDefinition<?> definition() {
        return definition;
    }

    /** What the instance needs next. */
    public Effect nextEffect(SagaRecord r, long now) {
        if (r.state().isTerminal()) {
            return new Effect.None();
        }
        if (r.signals().pending()) {
            return new Effect.CheckInbox();
        }
        if (isForward(r.state()) && deadlinePassed(r, now)) {
            return new Effect.DeadlineExceeded();
        }
        SagaRecord.Wait wait = r.await();
        if (r.wakeAt() == null || r.wakeAt() > now) {
            return new Effect.Wait(r.wakeAt() == null ? Long.MAX_VALUE : r.wakeAt());
        }
        if (wait != null) {
            switch (wait.kind()) {
                case REPLY -> {
                    return new Effect.ReplyTimedOut();
                }
                case TIMER -> {
                    return new Effect.TimerFired();
                }
                case SIGNAL, CHILDREN -> {
                    return new Effect.CheckInbox();
                }
                case RETRY -> {
                    if (!r.state().isCompensating()) {
                        return new Effect.Resume();
                    }
                }
            }
        }
        return switch (r.state()) {
            case WAITING -> new Effect.Resume();
            case STARTED, RUNNING -> new Effect.RunStep(r.stepIndex(), r.attemptsMade() + 1);
            case COMPENSATING, COMPENSATION_STALLED -> new Effect.Compensate(top(r), r.attemptsMade() + 1);
            default -> throw new IllegalStateException("unreachable: " + r.state());
        };
    }

    /**
     * A waiting step is reached: the timer or the wait for a signal starts, its due time in the row.
     * {@code signalsSeen} is the inbox count read just before, which found no signal to take.
     */
    public Transition waitStarted(SagaRecord r, int step, Long dueAt, long signalsSeen, long now) {
        requireForwardStep(r, step);
        StepDefinition<?> def = definition.step(step);
        WaitDefinition<?> wait = def.waitFor();
        if (wait == null) {
            throw new IllegalStateException("step '" + def.name() + "' of saga " + r.id() + " is not a wait");
        }
        Change c = new Change(r, now);
        SagaRecord.Wait w = wait.isSignal()
                ? new SagaRecord.Wait(SagaRecord.WaitKind.SIGNAL, wait.signalName(), dueAt)
                : new SagaRecord.Wait(SagaRecord.WaitKind.TIMER, null, dueAt);
        String until = dueAt == null ? "without a time limit" : "until " + Instant.ofEpochMilli(dueAt);
        c.event(HistoryEventType.WAIT_STARTED, def.name(), 0, 0,
                wait.isSignal() ? "awaiting signal '" + wait.signalName() + "' " + until : "sleeping " + until);
        c.b.state(SagaState.WAITING).await(w).signalsSeen(Math.max(signalsSeen, r.signals().seen()));
        c.b.wakeAt(naturalWake(c.b.build(), now));
        return c.done();
    }

    /** A timer's due time came: the saga goes on from the step after it. */
    public Transition timerFired(SagaRecord r, IntPredicate stepRuns, long now) {
        SagaRecord.Wait w = r.await();
        if (w == null || w.kind() != SagaRecord.WaitKind.TIMER || r.wakeAt() == null || r.wakeAt() > now) {
            throw new IllegalStateException("timer of saga " + r.id() + " that sleeps on no due timer");
        }
        Change c = new Change(r, now);
        c.event(HistoryEventType.TIMER_FIRED, definition.step(r.stepIndex()).name(), 0, 0,
                "due " + Instant.ofEpochMilli(w.dueAt()));
        advance(c, r.stepIndex(), stepRuns, now);
        return c.done();
    }

    /** Whether the instance stands on a wait for this signal (started, or about to start). */
    public boolean awaitsSignal(SagaRecord r, String name) {
        if (!isForward(r.state()) || r.stepIndex() >= definition.steps().size()) {
            return false;
        }
        WaitDefinition<?> wait = definition.step(r.stepIndex()).waitFor();
        return wait != null && wait.isSignal() && wait.signalName().equals(name)
                && (r.await() == null || r.await().kind() == SagaRecord.WaitKind.SIGNAL);
    }

    /**
     * The awaited signal came: its payload, folded into the data ({@code newData}), and the saga goes
     * on. The signal is consumed by the same write ({@code signalsSeen} is the inbox count read).
     */
    public Transition signalReceived(SagaRecord r, SignalRecord signal, String newData, IntPredicate stepRuns,
                                     long signalsSeen, long now) {
        if (!awaitsSignal(r, signal.name())) {
            throw new IllegalStateException("signal '" + signal.name() + "' for saga " + r.id() + " that does not await it");
        }
        Change c = new Change(r, now);
        c.event(HistoryEventType.SIGNAL_RECEIVED, definition.step(r.stepIndex()).name(), 0, 0,
                "signal '" + signal.name() + "', id " + signal.signalId() + ", received "
                        + Instant.ofEpochMilli(signal.receivedAt()));
        c.b.data(newData).signalsSeen(Math.max(signalsSeen, r.signals().seen()));
        advance(c, r.stepIndex(), stepRuns, now);
        return c.done();
    }

    /** A signal for the wait could not be taken (its payload did not read, the handler threw): noted, the wait goes on. */
    public Transition signalRefused(SagaRecord r, SignalRecord signal, String reason, long now) {
        Change c = new Change(r, now);
        c.event(HistoryEventType.SIGNAL_REFUSED, currentStepName(r), 0, 0,
                "signal '" + signal.name() + "', id " + signal.signalId() + ": " + reason);
        c.b.await(r.await()).wakeAt(naturalWake(r, now));
        return c.done();
    }

    /**
     * The awaited signal did not come in time: the saga goes on to the wait's escalation, skipping the
     * steps in between, or is compensated.
     */
    public Transition signalTimedOut(SagaRecord r, long now) {
        SagaRecord.Wait w = r.await();
        if (w == null || w.kind() != SagaRecord.WaitKind.SIGNAL || w.dueAt() == null || w.dueAt() > now) {
            throw new IllegalStateException("signal timeout of saga " + r.id() + " that awaits no due signal");
        }
        Change c = new Change(r, now);
        StepDefinition<?> def = definition.step(r.stepIndex());
        String escalateTo = def.waitFor().escalateTo();
        c.event(HistoryEventType.SIGNAL_TIMED_OUT, def.name(), 0, 0, "signal '" + w.key() + "' not received by "
                + Instant.ofEpochMilli(w.dueAt()) + (escalateTo == null ? "" : "; escalating to '" + escalateTo + "'"));
        if (escalateTo == null) {
            compensate(c, r, "signal '" + w.key() + "' not received in time at step '" + def.name() + "'", false, false);
            return c.done();
        }
        int target = definition.indexOf(escalateTo);
        for (int skipped = r.stepIndex() + 1; skipped < target; skipped++) {
            c.event(HistoryEventType.STEP_SKIPPED, definition.step(skipped).name(), 0, 0, "escalated past");
        }
        c.b.position(SagaRecord.Position.at(target)).flag(null).state(SagaState.RUNNING).wakeAt(now);
        return c.done();
    }

    /**
     * The inbox was read and nothing in it applies now (a signal for a later wait): it is recorded as
     * seen, so the instance is not woken again for it, and goes back to its own wake-up time.
     */
    public Transition inboxSeen(SagaRecord r, long signalsSeen, long now) {
        Change c = new Change(r, now);
        c.b.await(r.await()).flag(r.flag()).signalsSeen(Math.max(signalsSeen, r.signals().seen()));
        c.b.wakeAt(naturalWake(r, now));
        return c.done();
    }

    /** An operator's request that the state does not allow (a cancel past the point of no return): noted, consumed. */
    public Transition requestRefused(SagaRecord r, SignalRecord request, String reason, long signalsSeen, long now) {
        Change c = new Change(r, now);
        c.event(HistoryEventType.REQUEST_REFUSED, currentStepName(r), 0, 0,
                request.requestKind() + " refused: " + reason);
        c.b.await(r.await()).flag(r.flag()).signalsSeen(Math.max(signalsSeen, r.signals().seen()));
        c.b.wakeAt(naturalWake(r, now));
        return c.done();
    }

    /**
     * When the instance needs a node again by its own waits: now when it is runnable, the due time of
     * its wait (cut short by the saga deadline before the point of no return), or null.
     */
    private Long naturalWake(SagaRecord r, long now) {
        if (r.state().isTerminal()) {
            return null;
        }
        SagaRecord.Wait w = r.await();
        if (w == null) {
            return now;
        }
        Long due = w.dueAt();
        if (isForward(r.state()) && r.deadlineAt() != null && r.stepIndex() < definition.pointOfNoReturn()) {
            due = due == null ? r.deadlineAt() : Math.min(due, r.deadlineAt());
        }
        return due;
    }

    /** The first transition of a new instance: moves to its first step whose condition holds. */
    public Transition start(SagaRecord initial, IntPredicate stepRuns, long now) {
        return start(initial, stepRuns, now, null);
    }

    /** As {@link #start(SagaRecord, IntPredicate, long)}; {@code origin} (a child's parent and step) joins the history. */
    public Transition start(SagaRecord initial, IntPredicate stepRuns, long now, String origin) {
        Change c = new Change(initial, now);
        c.event(HistoryEventType.SAGA_STARTED, null, 0, 0, "correlation id " + initial.correlationId()
                + (origin == null ? "" : "; " + origin));
        advance(c, -1, stepRuns, now);
        return c.done();
    }

    /** A loop step whose condition holds: back to step {@code target}, in a new pass of the run. */
    public Transition loopedBack(SagaRecord r, int step, int target, IntPredicate stepRuns, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.LOOPED_BACK, definition.step(step).name(), 0, 0, "back to '"
                + definition.step(target).name() + "', pass " + (r.progress().loops() + 2) + " of run " + r.progress().run());
        c.b.loops(r.progress().loops() + 1);
        advance(c, target - 1, stepRuns, now);
        return c.done();
    }

    /** A loop step whose condition no longer holds, or any step that is done without a call: on to the next. */
    public Transition passed(SagaRecord r, int step, String detail, IntPredicate stepRuns, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.STEP_SUCCEEDED, definition.step(step).name(), 1, 0, detail);
        advance(c, step, stepRuns, now);
        return c.done();
    }

    /**
     * The run ends and the next begins at the first step with {@code newData}: run + 1, no loops, nothing
     * to compensate, no children; the history entries of this transition are the new run's first.
     */
    public Transition continuedAsNew(SagaRecord r, int step, String newData, IntPredicate stepRunsOnNewData, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        int run = r.progress().run() + 1;
        c.event(HistoryEventType.CONTINUED_AS_NEW, definition.step(step).name(), 0, 0, "run " + r.progress().run()
                + " ended after " + (r.progress().loops() + 1) + " pass(es); run " + run + " begins");
        c.b.run(run).loops(0).data(newData).toCompensate(List.of()).joins(null).failure(null).cancelRequested(false);
        advance(c, -1, stepRunsOnNewData, now);
        return c.done();
    }

    private static final SagaRecord.Wait CHILDREN_WAIT = new SagaRecord.Wait(SagaRecord.WaitKind.CHILDREN, null, null);

    /**
     * A step that starts child sagas has started them, their rows written with this transition: the
     * saga waits for their ends, which come to its inbox.
     */
    public Transition childrenStarted(SagaRecord r, int step, String joins, String detail, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.CHILDREN_STARTED, definition.step(step).name(), 0, 0, detail);
        c.b.state(SagaState.WAITING).await(CHILDREN_WAIT).joins(joins);
        c.b.wakeAt(naturalWake(c.b.build(), now));
        return c.done();
    }

    /**
     * Children's ends are folded in, and whatever that decided, started or undid is noted; the saga
     * goes on waiting for its children, forward or compensating.
     */
    public Transition childrenProgressed(SagaRecord r, int step, String joins, List<JoinNote> notes, long now) {
        if (r.await() == null || r.await().kind() != SagaRecord.WaitKind.CHILDREN) {
            throw new IllegalStateException("children of saga " + r.id() + " that waits for none");
        }
        Change c = new Change(r, now);
        String name = definition.step(step).name();
        for (JoinNote note : notes) {
            c.event(note.type(), name, 0, 0, note.detail());
        }
        c.b.await(CHILDREN_WAIT).joins(joins).flag(r.flag());
        c.b.wakeAt(naturalWake(c.b.build(), now));
        return c.done();
    }

    /** The saga compensates a step that started children: the children it kept are being undone. */
    public Transition childrenUndoStarted(SagaRecord r, int step, String joins, String detail, long now) {
        requireCompensation(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.CHILDREN_UNDO_STARTED, definition.step(step).name(), r.attemptsMade() + 1, 0, detail);
        c.b.await(CHILDREN_WAIT).joins(joins);
        c.b.wakeAt(naturalWake(c.b.build(), now));
        return c.done();
    }

    /**
     * A completed child saga is compensated because its parent compensates the step that started it:
     * its completed steps are undone, latest first, and it ends CANCELLED.
     */
    public Transition reopenForUndo(SagaRecord r, String detail, long now) {
        if (r.state() != SagaState.COMPLETED || r.parentId() == null) {
            throw new IllegalStateException("saga " + r.id() + " is " + r.state() + (r.parentId() == null
                    ? ", not a child" : "") + "; only a completed child saga is reopened to be compensated");
        }
        Change c = new Change(r, now);
        c.event(HistoryEventType.COMPENSATION_STARTED, null, 0, 0, detail);
        c.b.failure(StoredText.clean(detail)).cancelRequested(true).attemptsMade(0).outcomeUnknown(false).flag(null);
        if (r.toCompensate().isEmpty()) {
            finishCompensation(c, c.b.build());
        } else {
            c.b.state(SagaState.COMPENSATING).wakeAt(now);
        }
        return c.done();
    }

    public Transition stepSucceeded(SagaRecord r, int step, String newData, IntPredicate stepRuns,
                                    long durationMillis, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        StepDefinition<?> def = definition.step(step);
        c.event(HistoryEventType.STEP_SUCCEEDED, def.name(), r.attemptsMade() + 1, durationMillis, null);
        if (def.hasCompensation()) {
            c.b.toCompensate(push(r.toCompensate(), step));
        }
        c.b.data(newData);
        advance(c, step, stepRuns, now);
        return c.done();
    }

    public Transition stepFailed(SagaRecord r, int step, StepError error, long durationMillis, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        StepDefinition<?> def = definition.step(step);
        int attempts = r.attemptsMade() + 1;
        // For a compensatable step, any attempt that may have acted makes it one to compensate: one
        // that timed out, and one that failed with a retryable error, which may have come after the
        // participant applied it (a reply lost); only a final refusal (non-retryable) says it did not.
        // For the pivot, which nothing undoes, the last attempt tells: one that failed for a known
        // reason, under the same idempotency key, says the earlier ones did not take effect either.
        boolean pivot = def.kind() == StepKind.PIVOT;
        boolean unknown = pivot ? error.timedOut() : r.outcomeUnknown() || error.timedOut() || error.retryable();
        c.failure(HistoryEventType.STEP_FAILED, def.name(), attempts, durationMillis, error);
        c.b.attemptsMade(attempts).outcomeUnknown(unknown);
        // A pivot whose outcome is unknown may have taken effect, and nothing undoes it: it is
        // retried (with its idempotency key) until its outcome is known, never compensated around.
        boolean pivotUnknown = pivot && unknown;
        boolean retryable = def.kind() == StepKind.RETRIABLE || error.retryable() || pivotUnknown;
        if (retryable && (pivotUnknown || def.retry().allowsAnotherAttempt(attempts))) {
            long due = now + def.retry().delayMillis(attempts, random.getAsDouble());
            if (r.deadlineAt() != null && step < definition.pointOfNoReturn() && !pivotUnknown && due >= r.deadlineAt()) {
                c.event(HistoryEventType.DEADLINE_EXCEEDED, def.name(), attempts, 0,
                        "the next retry would come after the saga deadline " + Instant.ofEpochMilli(r.deadlineAt()));
                compensate(c, c.b.build(), "deadline exceeded at step '" + def.name() + "'", unknown, false);
                return c.done();
            }
            if (attempts >= definition.flagAfterAttempts() && r.flag() == null) {
                c.event(HistoryEventType.STEP_FLAGGED, def.name(), attempts, 0, "failed " + attempts
                        + " attempts in a row and is still retried; last error: " + error.description());
                c.b.flag(FLAG_RETRYING);
            }
            c.event(HistoryEventType.RETRY_SCHEDULED, def.name(), attempts + 1, 0, "due " + Instant.ofEpochMilli(due));
            c.b.state(due > now ? SagaState.WAITING : SagaState.RUNNING)
                    .await(new SagaRecord.Wait(SagaRecord.WaitKind.RETRY, null, due)).wakeAt(due);
            return c.done();
        }
        String reason = "step '" + def.name() + "' failed after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + error.description();
        if (!handedToFallback(c, r, step, reason, unknown)) {
            compensate(c, c.b.build(), reason, unknown, false);
        }
        return c.done();
    }

    /**
     * A step returned data that scored below its threshold: it succeeded (its effect stands, so it is
     * compensated like any completed step, and its data is kept), and its fallback runs in its place.
     */
    public Transition stepScoredLow(SagaRecord r, int step, String newData, double score, double threshold,
                                    long durationMillis, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        StepDefinition<?> def = definition.step(step);
        c.event(HistoryEventType.STEP_SUCCEEDED, def.name(), r.attemptsMade() + 1, durationMillis, null);
        List<Integer> stack = def.hasCompensation() ? push(r.toCompensate(), step) : r.toCompensate();
        c.b.toCompensate(stack).data(newData);
        if (!handedToFallback(c, c.b.build(), step, "score " + score + " is below the threshold " + threshold, false)) {
            throw new IllegalStateException("step '" + def.name() + "' of saga " + r.id() + " is scored but has no fallback");
        }
        return c.done();
    }

    /**
     * Moves to the step's fallback, if it has one, in place of compensating. A step whose call may have
     * taken effect stays to be compensated if the saga fails later.
     */
    private boolean handedToFallback(Change c, SagaRecord r, int step, String why, boolean mayHaveActed) {
        int fallback = definition.fallbackOf(step);
        if (fallback < 0) {
            return false;
        }
        if (mayHaveActed && definition.step(step).hasCompensation() && !r.toCompensate().contains(step)) {
            c.b.toCompensate(push(r.toCompensate(), step));
        }
        c.event(HistoryEventType.FALLBACK_STARTED, definition.step(step).name(), 0, 0,
                why + "; its fallback '" + definition.step(fallback).name() + "' runs in its place");
        enter(c, fallback, c.now);
        return true;
    }

    public Transition compensationSucceeded(SagaRecord r, int step, long durationMillis, long now) {
        requireCompensation(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.COMPENSATION_SUCCEEDED, definition.step(step).name(), r.attemptsMade() + 1, durationMillis, null);
        List<Integer> rest = r.toCompensate().subList(0, r.toCompensate().size() - 1);
        c.b.toCompensate(rest).attemptsMade(0).flag(null);
        if (rest.isEmpty()) {
            finishCompensation(c, r);
        } else {
            c.b.state(SagaState.COMPENSATING).wakeAt(now);
        }
        return c.done();
    }

    public Transition compensationFailed(SagaRecord r, int step, StepError error, long durationMillis, long now) {
        requireCompensation(r, step);
        Change c = new Change(r, now);
        String name = definition.step(step).name();
        int attempts = r.attemptsMade() + 1;
        c.failure(HistoryEventType.COMPENSATION_FAILED, name, attempts, durationMillis, error);
        long due = now + definition.compensationRetry().delayMillis(attempts, random.getAsDouble());
        boolean stalled = attempts >= definition.stallAfterAttempts();
        if (stalled && r.state() != SagaState.COMPENSATION_STALLED) {
            c.event(HistoryEventType.COMPENSATION_STALLED, name, attempts, 0,
                    "still retried; next attempt due " + Instant.ofEpochMilli(due));
        }
        c.b.attemptsMade(attempts).state(stalled ? SagaState.COMPENSATION_STALLED : SagaState.COMPENSATING)
                .await(new SagaRecord.Wait(SagaRecord.WaitKind.RETRY, null, due)).wakeAt(due);
        if (stalled) {
            c.b.flag(FLAG_STALLED);
        }
        return c.done();
    }

    /**
     * A remote step's command is written to the outbox with this transition: the instance waits for
     * the reply to {@code messageId} until the reply timeout (or the saga deadline, if sooner).
     */
    public Transition commandSent(SagaRecord r, int step, String messageId, String detail, long timeoutMillis, long now) {
        requireForwardStep(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.COMMAND_SENT, definition.step(step).name(), r.attemptsMade() + 1, 0, detail);
        long until = now + timeoutMillis;
        if (r.deadlineAt() != null && step < definition.pointOfNoReturn()) {
            until = Math.min(until, r.deadlineAt());
        }
        c.b.state(SagaState.WAITING).await(new SagaRecord.Wait(SagaRecord.WaitKind.REPLY, messageId, until)).wakeAt(until);
        return c.done();
    }

    /** A remote compensation's command is written to the outbox with this transition. */
    public Transition compensationCommandSent(SagaRecord r, int step, String messageId, String detail, long timeoutMillis,
                                              long now) {
        requireCompensation(r, step);
        Change c = new Change(r, now);
        c.event(HistoryEventType.COMMAND_SENT, definition.step(step).name(), r.attemptsMade() + 1, 0, "compensation: " + detail);
        c.b.await(new SagaRecord.Wait(SagaRecord.WaitKind.REPLY, messageId, now + timeoutMillis)).wakeAt(now + timeoutMillis);
        return c.done();
    }

    /**
     * The awaited reply did not come in time: the attempt failed with unknown outcome (so a step that
     * finally fails is compensated too), and a compensation is retried.
     */
    public Transition replyTimedOut(SagaRecord r, long now) {
        if (r.awaitedReply() == null || (r.wakeAt() != null && r.wakeAt() > now)) {
            throw new IllegalStateException("reply timeout of saga " + r.id() + " that awaits no reply or is not yet due");
        }
        long waited = Math.max(0, now - r.updatedAt());
        StepError error = StepError.noReply(waited);
        if (r.state().isCompensating()) {
            return compensationFailed(r, top(r), error, waited, now);
        }
        return stepFailed(r, r.stepIndex(), error, waited, now);
    }

    /** Whether {@code inReplyTo} is the command this instance waits for: any other reply is a duplicate or late. */
    public static boolean awaits(SagaRecord r, String inReplyTo) {
        return !r.state().isTerminal() && inReplyTo != null && inReplyTo.equals(r.awaitedReply());
    }

    /** A due retry is taken up: WAITING becomes RUNNING. */
    public Transition resume(SagaRecord r, long now) {
        if (r.state() != SagaState.WAITING) {
            throw new IllegalStateException("resume of a saga that is " + r.state());
        }
        Change c = new Change(r, now);
        c.event(HistoryEventType.STEP_RESUMED, definition.step(r.stepIndex()).name(), r.attemptsMade() + 1, 0, null);
        c.b.state(SagaState.RUNNING).wakeAt(now);
        return c.done();
    }

    public Transition deadlineExceeded(SagaRecord r, long now) {
        if (!isForward(r.state()) || !deadlinePassed(r, now)) {
            throw new IllegalStateException("deadline transition of a saga that is " + r.state() + " within its deadline");
        }
        Change c = new Change(r, now);
        String step = definition.step(r.stepIndex()).name();
        c.event(HistoryEventType.DEADLINE_EXCEEDED, step, 0, 0, "deadline " + Instant.ofEpochMilli(r.deadlineAt()));
        compensate(c, r, "deadline exceeded at step '" + step + "'", mayHaveRun(r), false);
        return c.done();
    }

    /**
     * An operator aborts the saga: its completed steps are compensated and it ends CANCELLED. The
     * step in progress, whose call may be under way, is compensated too: its late result will be
     * refused by the version check, so its effect must not be left behind.
     */
    public Transition cancel(SagaRecord r, long now) {
        return cancel(r, now, null);
    }

    /** As {@link #cancel(SagaRecord, long)}; {@code detail} (who asked, why) goes into the history. */
    public Transition cancel(SagaRecord r, long now, String detail) {
        if (r.state().isTerminal()) {
            throw new IllegalSagaStateException("Saga " + r.id() + " cannot be cancelled: it is already " + r.state());
        }
        Change c = new Change(r, now);
        if (r.state().isCompensating()) {
            // The compensation under way goes on as it was: a reply it awaits is still the awaited one.
            c.b.await(r.await());
            if (r.cancelRequested()) {
                return c.done();
            }
            c.event(HistoryEventType.CANCEL_REQUESTED, null, 0, 0, "already compensating; it will end CANCELLED"
                    + (detail == null ? "" : "; " + detail));
            c.b.cancelRequested(true);
            return c.done();
        }
        if (r.stepIndex() >= definition.pointOfNoReturn()) {
            throw new IllegalSagaStateException("Saga " + r.id() + " cannot be cancelled: it is past its point of no return (step '"
                    + definition.step(definition.pointOfNoReturn() - 1).name() + "') and will complete");
        }
        StepDefinition<?> current = definition.step(r.stepIndex());
        if (current.kind() == StepKind.PIVOT && mayHaveRun(r)) {
            // Nothing undoes the pivot: compensating the steps before it while its call may take
            // effect would leave that effect on a cancelled saga.
            throw new IllegalSagaStateException("Saga " + r.id() + " cannot be cancelled now: its pivot '" + current.name()
                    + "' is under way and cannot be undone; the saga will complete, or be compensated if the pivot fails");
        }
        c.event(HistoryEventType.CANCEL_REQUESTED, null, 0, 0, detail);
        compensate(c, r, "cancelled by an operator", mayHaveRun(r), true);
        return c.done();
    }

    /** An operator asks for a compensating (usually stalled) saga's compensation to be retried now. */
    public Transition retry(SagaRecord r, long now) {
        return retry(r, now, null);
    }

    /** As {@link #retry(SagaRecord, long)}; {@code detail} (who asked, why) goes into the history. */
    public Transition retry(SagaRecord r, long now, String detail) {
        if (!r.state().isCompensating()) {
            throw new IllegalSagaStateException("Saga " + r.id() + " cannot be retried: it is " + r.state()
                    + "; only a COMPENSATION_STALLED or COMPENSATING saga can be");
        }
        Change c = new Change(r, now);
        c.event(HistoryEventType.OPERATOR_RETRY, definition.step(top(r)).name(), 0, 0, detail);
        c.b.state(SagaState.COMPENSATING).attemptsMade(0).wakeAt(now).flag(null);
        return c.done();
    }

    /**
     * An operator marks the compensation under way (the step on top of the stack, stalled or failing)
     * as done without running it (they undid its effect by hand, or it needs none): compensation goes
     * on with the step completed before it, or the saga ends if none is left. Its attempt count and
     * flag are reset; a reply to its command, if one is awaited, no longer counts.
     *
     * @throws IllegalSagaStateException the saga is not compensating
     */
    public Transition skipCompensation(SagaRecord r, long now, String detail) {
        return skipCompensation(r, now, detail, null, null);
    }

    /**
     * As {@link #skipCompensation(SagaRecord, long, String)}, for the compensation the operator saw:
     * refused when the one under way is no longer step {@code expectedStep} with {@code expectedLeft}
     * compensations to go (an earlier skip or a retry moved it on), so a repeated skip never skips the next.
     */
    public Transition skipCompensation(SagaRecord r, long now, String detail, Integer expectedStep, Integer expectedLeft) {
        if (!r.state().isCompensating() || r.toCompensate().isEmpty()) {
            throw new IllegalSagaStateException("Saga " + r.id() + " has no compensation to skip: it is " + r.state()
                    + "; only a COMPENSATION_STALLED or COMPENSATING saga's compensation can be skipped");
        }
        int step = top(r);
        if ((expectedStep != null && expectedStep != step) || (expectedLeft != null && expectedLeft != r.toCompensate().size())) {
            throw new IllegalSagaStateException("the compensation asked to be skipped ("
                    + (expectedStep != null && expectedStep < definition.steps().size() ? "'" + definition.step(expectedStep).name() + "'" : "step " + expectedStep)
                    + ") is no longer the one under way ('" + definition.step(step).name() + "'): it was skipped or done since");
        }
        Change c = new Change(r, now);
        c.event(HistoryEventType.COMPENSATION_SKIPPED, definition.step(step).name(), r.attemptsMade(), 0,
                "marked done without running it after " + r.attemptsMade() + " failed attempt(s)"
                        + (detail == null ? "" : "; " + detail));
        List<Integer> rest = r.toCompensate().subList(0, r.toCompensate().size() - 1);
        c.b.toCompensate(rest).attemptsMade(0).flag(null);
        if (rest.isEmpty()) {
            finishCompensation(c, c.b.build());
        } else {
            c.b.state(SagaState.COMPENSATING).wakeAt(now);
        }
        return c.done();
    }

    /**
     * An operator closes the saga by hand: it ends at once in {@code outcome} (FAILED or COMPLETED)
     * and nothing more runs: no further step, no compensation. A call of it under way has returned
     * (the runner applies requests only between calls); a reply it awaits no longer counts.
     *
     * @throws IllegalSagaStateException the saga has ended
     * @throws IllegalArgumentException  the outcome is neither FAILED nor COMPLETED
     */
    public Transition resolve(SagaRecord r, SagaState outcome, long now, String detail) {
        requireResolvable(outcome);
        if (r.state().isTerminal()) {
            throw new IllegalSagaStateException("Saga " + r.id() + " cannot be resolved: it has ended (" + r.state() + ")");
        }
        Change c = new Change(r, now);
        String where = currentStepName(r);
        String text = "resolved by hand as " + outcome + " while " + r.state()
                + (where == null ? "" : (r.state().isCompensating() ? ", compensating '" : " at '") + where + "'")
                + (r.state().isCompensating() && r.toCompensate().size() > 0
                ? "; " + r.toCompensate().size() + " compensation(s) not run" : "")
                + (detail == null ? "" : "; " + detail);
        c.event(HistoryEventType.SAGA_RESOLVED, where, r.attemptsMade(), 0, text);
        c.b.state(outcome).flag(null).wakeAt(null).cancelRequested(false);
        if (outcome == SagaState.FAILED) {
            c.b.failure(StoredText.clean(text));
        }
        return c.done();
    }

    /** The terminal states an operator may close a saga in. */
    public static void requireResolvable(SagaState outcome) {
        if (outcome != SagaState.FAILED && outcome != SagaState.COMPLETED) {
            throw new IllegalArgumentException("a saga is resolved as FAILED or COMPLETED, not " + outcome);
        }
    }

    /**
     * A history entry that changes nothing else: {@link HistoryEventType#WAITING_FOR_CALL},
     * {@link HistoryEventType#LATE_RESULT}, or {@link HistoryEventType#CALL_NOT_RETURNING}, which
     * also flags the instance until its next transition.
     */
    public Transition note(SagaRecord r, HistoryEventType type, String step, String detail, long now) {
        if (type != HistoryEventType.WAITING_FOR_CALL && type != HistoryEventType.LATE_RESULT
                && type != HistoryEventType.CALL_NOT_RETURNING) {
            throw new IllegalArgumentException(type + " is not a note");
        }
        Change c = new Change(r, now);
        c.b.await(r.await()).flag(type == HistoryEventType.CALL_NOT_RETURNING ? FLAG_CALL_NOT_RETURNING : r.flag());
        c.event(type, step, r.attemptsMade(), 0, detail);
        return c.done();
    }

    /** The name of the step the instance stands on: the one to compensate next, or the forward step due. */
    public String currentStepName(SagaRecord r) {
        if (r.state().isCompensating()) {
            return r.toCompensate().isEmpty() ? null : definition.step(top(r)).name();
        }
        return r.stepIndex() < definition.steps().size() ? definition.step(r.stepIndex()).name() : null;
    }

    private void advance(Change c, int from, IntPredicate stepRuns, long now) {
        int next = from + 1;
        while (next < definition.steps().size() && (definition.runsOnlyWhenJumpedTo(next) || !stepRuns.test(next))) {
            c.event(HistoryEventType.STEP_SKIPPED, definition.step(next).name(), 0, 0,
                    definition.isEscalationTarget(next) ? "runs only when escalated to"
                            : definition.isFallback(next) ? "runs only as the fallback of '" + definition.step(next).fallbackFor() + "'"
                            : "condition does not hold");
            next++;
        }
        enter(c, next, now);
    }

    /** The instance stands on step {@code next} (or past the last: it completes). */
    private void enter(Change c, int next, long now) {
        c.b.position(SagaRecord.Position.at(next)).flag(null);
        if (next == definition.steps().size()) {
            c.event(HistoryEventType.SAGA_COMPLETED, null, 0, 0, null);
            c.b.state(SagaState.COMPLETED).wakeAt(null);
            return;
        }
        c.b.state(SagaState.RUNNING).wakeAt(now);
        SagaRecord moved = c.b.build();
        if (deadlinePassed(moved, now)) {
            c.event(HistoryEventType.DEADLINE_EXCEEDED, definition.step(next).name(), 0, 0,
                    "deadline " + Instant.ofEpochMilli(moved.deadlineAt()));
            compensate(c, moved, "deadline exceeded before step '" + definition.step(next).name() + "'", false, false);
        }
    }

    /** Moves to compensation; {@code includeCurrent} adds the current step, whose outcome is unknown. */
    private void compensate(Change c, SagaRecord r, String reason, boolean includeCurrent, boolean cancel) {
        List<Integer> stack = r.toCompensate();
        if (includeCurrent && r.stepIndex() < definition.steps().size()
                && definition.step(r.stepIndex()).hasCompensation() && !stack.contains(r.stepIndex())) {
            stack = push(stack, r.stepIndex());
        }
        c.event(HistoryEventType.COMPENSATION_STARTED, null, 0, 0, reason);
        c.b.toCompensate(stack).failure(StoredText.clean(reason)).cancelRequested(cancel).attemptsMade(0).outcomeUnknown(false)
                .flag(null);
        if (stack.isEmpty()) {
            finishCompensation(c, c.b.build());
        } else {
            c.b.state(SagaState.COMPENSATING).wakeAt(c.now);
        }
    }

    private void finishCompensation(Change c, SagaRecord r) {
        boolean cancelled = r.cancelRequested();
        c.event(cancelled ? HistoryEventType.SAGA_CANCELLED : HistoryEventType.SAGA_FAILED, null, 0, 0, r.failure());
        c.b.state(cancelled ? SagaState.CANCELLED : SagaState.FAILED).wakeAt(null);
    }

    /** Whether the current step's call may have taken effect: it may be running, its command sent, or an attempt timed out. */
    private static boolean mayHaveRun(SagaRecord r) {
        return r.state() == SagaState.STARTED || r.state() == SagaState.RUNNING || r.outcomeUnknown() || r.awaitedReply() != null
                || r.await() != null && r.await().kind() == SagaRecord.WaitKind.CHILDREN;
    }

    private boolean deadlinePassed(SagaRecord r, long now) {
        return r.deadlineAt() != null && now >= r.deadlineAt() && r.stepIndex() < definition.pointOfNoReturn()
                && !(definition.step(r.stepIndex()).kind() == StepKind.PIVOT && r.outcomeUnknown());
    }

    private static boolean isForward(SagaState state) {
        return state == SagaState.STARTED || state == SagaState.RUNNING || state == SagaState.WAITING;
    }

    private static int top(SagaRecord r) {
        return r.toCompensate().get(r.toCompensate().size() - 1);
    }

    private static List<Integer> push(List<Integer> stack, int step) {
        List<Integer> pushed = new ArrayList<>(stack);
        pushed.add(step);
        return pushed;
    }

    private static void requireForwardStep(SagaRecord r, int step) {
        if (!isForward(r.state()) || r.stepIndex() != step) {
            throw new IllegalStateException("step " + step + " result for saga " + r.id() + " that is " + r.state()
                    + " at step " + r.stepIndex());
        }
    }

    private static void requireCompensation(SagaRecord r, int step) {
        if (!r.state().isCompensating() || r.toCompensate().isEmpty() || top(r) != step) {
            throw new IllegalStateException("compensation " + step + " result for saga " + r.id() + " that is "
                    + r.state() + " with " + r.toCompensate() + " to compensate");
        }
    }

    /** A row being changed plus the history entries that explain the change. */
    private static final class Change {
        final SagaRecord.Builder b;
        final long now;
        final int firstSeq;
        final List<HistoryEvent> events = new ArrayList<>(4);

        Change(SagaRecord r, long now) {
            // Any transition ends the wait for a reply; only sending a command starts one. The flag
            // of a call that would not return goes with the first transition after it returned.
            this.b = r.toBuilder().updatedAt(now).await(null)
                    .flag(FLAG_CALL_NOT_RETURNING.equals(r.flag()) ? null : r.flag());
            this.now = now;
            this.firstSeq = r.historySize() + 1;
        }

        void event(HistoryEventType type, String step, int attempt, long durationMillis, String detail) {
            event(type, step, attempt, durationMillis, detail, null);
        }

        /**
         * A failed attempt, with its stack trace for the first few attempts and every hundredth: a
         * compensation retried for days keeps its history small, and the error text is always kept.
         */
        void failure(HistoryEventType type, String step, int attempt, long durationMillis, StepError error) {
            boolean keepTrace = attempt <= 3 || attempt % 100 == 0;
            event(type, step, attempt, durationMillis, error.description(), keepTrace ? error.stackTrace() : null);
        }

        private void event(HistoryEventType type, String step, int attempt, long durationMillis, String detail,
                           String stackTrace) {
            events.add(new HistoryEvent(firstSeq + events.size(), Instant.ofEpochMilli(now), type, step, attempt,
                    durationMillis == 0 ? Duration.ZERO : Duration.ofMillis(durationMillis), StoredText.clean(detail),
                    stackTrace == null ? null : StoredText.clean(stackTrace)));
        }

        Transition done() {
            return new Transition(b.historySize(firstSeq - 1 + events.size()).build(), events);
        }
    }
}
