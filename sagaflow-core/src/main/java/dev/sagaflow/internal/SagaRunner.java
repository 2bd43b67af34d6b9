package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaListener;
import dev.sagaflow.SagaOutcome;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepContext;
import dev.sagaflow.StepDefinition;
import dev.sagaflow.StepKind;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.RemoteCommand;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaRef;
import dev.sagaflow.observe.StepAttempt;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteRefusedException;
import dev.sagaflow.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.LongConsumer;

/**
 * Runs the effects of the instances this node holds. Each step call runs on a virtual thread, at
 * most {@code maxConcurrentSteps} at once; its outcome becomes a transition of the state machine,
 * which is committed before the instance's next effect is started. An instance waiting for a due
 * time is not held at all: its row carries the time and the poller claims it back.
 *
 * <p>What follows a commit runs on a virtual thread too, never on the commit thread, and every piece
 * of user code (actions, compensations, conditions, payload functions, reply handlers, listeners) is
 * fenced: what it throws fails its attempt or is logged, and never leaves an instance held and idle.
 */
public final class SagaRunner {
    private static final Logger log = LoggerFactory.getLogger(SagaRunner.class);
    /** Failed attempts (WARN, with the cause) and failed or stalled sagas (ERROR), apart from the engine's own log. */
    private static final Logger outcomes = LoggerFactory.getLogger("dev.sagaflow.outcomes");

    private final NodeIdentity identity;
    private final GroupCommitter committer;
    private final SagaStore store;
    private final Clock clock;
    private final long leaseMillis;
    private final long stuckCallMillis;
    private final int maxDataChars;
    private final SagaListener listener;
    private final Observers observers;
    private final LongConsumer wakeHint;
    private final Semaphore stepPermits;
    private final int maxConcurrentSteps;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /** Continuations after a commit; once the runner is closing, they run where they complete. */
    private final Executor continuations = task -> {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException closed) {
            task.run();
        }
    };
    private final Map<String, ActiveSaga> active = new ConcurrentHashMap<>();
    /** Per instance, a call of its that is still running although its attempt was given up (timed out). */
    private final Map<String, CompletableFuture<Void>> callsUnderWay = new ConcurrentHashMap<>();
    private final AtomicLong refusedWrites = new AtomicLong();
    private volatile String replyChannel;
    private volatile Runnable outboxHint = () -> { };
    private volatile boolean closing;
    private final WaitingSteps waits;
    private final ChildSteps children;
    /**
     * Four at once: at most that many wait for a pooled connection ahead of the committer, the poller
     * and the heartbeat, however many instances read at the same moment.
     */
    private final BoundedReads reads = new BoundedReads(4);

    public SagaRunner(NodeIdentity identity, GroupCommitter committer, SagaStore store, Clock clock, long leaseMillis,
                      long stuckCallMillis, int maxConcurrentSteps, int maxDataChars, SagaListener listener,
                      Observers observers, LongConsumer wakeHint, Registry registry) {
        this.observers = observers;
        this.stuckCallMillis = stuckCallMillis;
        this.identity = identity;
        this.committer = committer;
        this.store = store;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.maxDataChars = maxDataChars;
        this.listener = listener;
        this.wakeHint = wakeHint;
        this.maxConcurrentSteps = maxConcurrentSteps;
        this.stepPermits = new Semaphore(maxConcurrentSteps);
        this.waits = new WaitingSteps(this, store, reads, clock, maxDataChars);
        this.children = new ChildSteps(this, store, reads, clock, maxDataChars, registry);
    }

    /** Remote steps send their commands with this reply channel; {@code hint} is told when messages enter the outbox. */
    public void enableCommands(String replyChannel, Runnable outboxHint) {
        this.replyChannel = replyChannel;
        this.outboxHint = outboxHint;
    }

    ChildSteps children() {
        return children;
    }

    /** The instances this node holds in memory: the only ones whose leases it renews. */
    public Set<String> heldIds() {
        return Set.copyOf(active.keySet());
    }

    public int activeCount() {
        return active.size();
    }

    public boolean isActive(String id) {
        return active.containsKey(id);
    }

    /**
     * The store says these instances, held here, have inbox entries not yet seen (an operator's cancel
     * while a step runs): each looks at its inbox at its next transition point.
     */
    public void inboxChanged(Collection<String> ids) {
        for (String id : ids) {
            ActiveSaga a = active.get(id);
            if (a != null) {
                a.inboxChanged = true;
            }
        }
    }

    /** Transitions this node computed whose write the store refused because another node had taken the instance. */
    public long refusedWrites() {
        return refusedWrites.get();
    }

    /** Takes charge of an instance whose row this node has just written or claimed. */
    public void activate(SagaStateMachine machine, SagaRecord record, Object data) {
        ActiveSaga a = new ActiveSaga(machine, record, data);
        ActiveSaga held = active.compute(record.id(),
                (id, current) -> current != null && current.record.version() >= record.version() ? current : a);
        if (held != a) {
            log.warn("saga {}: ignoring activation at version {}, already held at version {}", record.id(),
                    record.version(), held.record.version());
            return;
        }
        // A newer row (a claim after this node's lease ran out) replaces a holder whose call may still
        // be under way; that holder's next write is refused by the version check and it lets go.
        // Callers are the poller and the commit thread (a start): neither runs user code or JSON work.
        continuations.execute(() -> proceed(a));
    }

    /**
     * Stamps a transition for writing by this node: next version, a write id of this run, and the
     * lease, which is kept while the instance runs here and handed back when it waits; an instance
     * with a call still under way here is not handed back, so no other node can start its next call.
     */
    public SagaRecord stamp(SagaRecord next, long expectedVersion, long now, boolean keepLease) {
        boolean waits = (next.wakeAt() == null || next.wakeAt() > now) && !hasCallUnderWay(next.id());
        boolean release = !keepLease || next.state().isTerminal() || waits;
        return next.stamped(new SagaRecord.Fence(expectedVersion + 1, identity.nextWriteId(), next.historySize()),
                release ? SagaRecord.Lease.NONE : new SagaRecord.Lease(identity.owner(), now + leaseMillis), now);
    }

    /**
     * Stamps an operator's transition (a cancel, a retry): a lease held by a live node stays with it,
     * so the node that may be running a call of the instance is the one that goes on, after the call.
     */
    public SagaRecord stampOperatorChange(SagaRecord next, SagaRecord current, long now) {
        boolean held = current.lease().live(now) && !next.state().isTerminal();
        return next.stamped(new SagaRecord.Fence(current.version() + 1, identity.nextWriteId(), next.historySize()),
                held ? current.lease() : SagaRecord.Lease.NONE, now);
    }

    private boolean hasCallUnderWay(String id) {
        CompletableFuture<Void> call = callsUnderWay.get(id);
        return call != null && !call.isDone();
    }

    /** Runs {@link #advance}, so that nothing it throws leaves the instance held and idle. */
    private void proceed(ActiveSaga a) {
        try (LogContext ignored = LogContext.of(a.ref())) {
            advance(a);
        } catch (Throwable t) {
            log.error("saga {}: unexpected error while moving it on; letting go, its lease runs out and a node "
                    + "takes it up again", a.id, t);
            letGo(a);
        }
    }

    private void letGo(ActiveSaga a) {
        active.remove(a.id.value(), a);
    }

    private void advance(ActiveSaga a) {
        if (closing) {
            letGo(a);
            return;
        }
        if (active.get(a.id.value()) != a) {
            return; // replaced by a newer claim of this node: that one goes on, never both
        }
        long now = clock.millis();
        SagaRecord r = a.record;
        Effect effect = a.inboxChanged && !r.state().isTerminal() ? new Effect.CheckInbox() : a.machine.nextEffect(r, now);
        if (!(effect instanceof Effect.None) && hasCallUnderWay(r.id())) {
            awaitCallUnderWay(a, effect);
            return;
        }
        switch (effect) {
            case Effect.None none -> {
                letGo(a);
                tellListener(a, () -> listener.onSagaEnded(a.id, r.sagaName(), r.state()));
            }
            case Effect.Wait wait -> {
                if (identity.owner().equals(r.owner())) {
                    // Kept past a due time while a call was under way: hand it back now.
                    record(a, new Transition(r, List.of()), null, null, List.of(), false);
                    return;
                }
                letGo(a);
                wakeHint.accept(wait.until());
            }
            case Effect.Resume resume -> record(a, a.machine.resume(r, now), null, null);
            case Effect.CheckInbox check -> threads.execute(() -> fenced(a, () -> waits.checkInbox(a)));
            case Effect.TimerFired fired -> threads.execute(() -> fenced(a, () -> waits.fireTimer(a)));
            case Effect.DeadlineExceeded deadline -> record(a, a.machine.deadlineExceeded(r, now), null, null);
            case Effect.ReplyTimedOut timedOut -> record(a, a.machine.replyTimedOut(r, now), null,
                    new Attempt(a.machine.currentStepName(r), r.state().isCompensating(), false, r.attemptsMade() + 1,
                    AttemptKind.REPLY));
            case Effect.RunStep step -> {
                a.dueNanos = System.nanoTime();
                StepDefinition<Object> definition = definitionOf(a).step(step.index());
                if (definition.startsChildren()) {
                    threads.execute(() -> fenced(a, () -> children.start(a, step.index())));
                } else if (definition.controlsFlow()) {
                    threads.execute(() -> fenced(a, () -> takeFlowStep(a, step.index())));
                } else if (definition.isWait()) {
                    threads.execute(() -> fenced(a, definition.waitFor().isSignal() ? () -> waits.checkInbox(a)
                            : () -> waits.startTimer(a, step.index())));
                } else if (definition.isRemote()) {
                    sendCommand(a, step.index(), false);
                } else {
                    threads.execute(() -> runCall(a, step.index(), step.attempt(), false));
                }
            }
            case Effect.Compensate compensate -> {
                a.dueNanos = System.nanoTime();
                if (definitionOf(a).step(compensate.index()).startsChildren()) {
                    threads.execute(() -> fenced(a, () -> children.undo(a, compensate.index())));
                } else if (definitionOf(a).step(compensate.index()).hasRemoteCompensation()) {
                    sendCommand(a, compensate.index(), true);
                } else {
                    threads.execute(() -> runCall(a, compensate.index(), compensate.attempt(), true));
                }
            }
        }
    }

    /**
     * The instance's next effect waits for a call of its still under way (one that timed out, or one
     * of a holder this claim replaced): noted once in the history, then taken up when the call
     * returns. The lease stays with this node meanwhile, so no other node starts the next call either.
     */
    private void awaitCallUnderWay(ActiveSaga a, Effect next) {
        CompletableFuture<Void> call = callsUnderWay.get(a.id.value());
        if (call == null) {
            proceed(a);
            return;
        }
        if (!a.waitNoted) {
            a.waitNoted = true;
            String step = a.machine.currentStepName(a.record);
            String what = next instanceof Effect.Compensate ? "its compensation"
                    : next instanceof Effect.RunStep ? "the next attempt" : "the saga";
            log.warn("saga {}: a call of step '{}' given up on is still under way; {} waits for it", a.id, step, what);
            record(a, a.machine.note(a.record, HistoryEventType.WAITING_FOR_CALL, step,
                    "a call given up on (timed out) has not returned yet; " + what + " waits until it has", clock.millis()),
                    null, null);
            return;
        }
        CompletableFuture<Void> stuck = a.callFlagged ? new CompletableFuture<>()
                : CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(stuckCallMillis, TimeUnit.MILLISECONDS, continuations));
        CompletableFuture.anyOf(call, stuck).whenCompleteAsync((done, error) -> {
            if (!call.isDone() && !a.callFlagged) {
                // It may never return: flag the instance for an operator, and go on waiting.
                a.callFlagged = true;
                String step = a.machine.currentStepName(a.record);
                outcomes.warn("saga {} ({}): the call of step '{}' that timed out has not returned after {} ms; flagged "
                        + "CALL_NOT_RETURNING, what follows still waits for it", a.id, a.record.correlationId(), step,
                        stuckCallMillis);
                record(a, a.machine.note(a.record, HistoryEventType.CALL_NOT_RETURNING, step, "the call that timed out "
                        + "has not returned after " + stuckCallMillis + " ms; what follows waits for it", clock.millis()),
                        null, null);
                return;
            }
            a.waitNoted = false;
            a.callFlagged = false;
            proceed(a);
        }, continuations);
    }

    /**
     * One local attempt, a step's or a compensation's: the user's call on a virtual thread (under the
     * attempt's time limit), its outcome turned into a transition by {@link #conclude}, queued for
     * commit before the step permit is released.
     */
    private void runCall(ActiveSaga a, int index, int attempt, boolean compensation) {
        if (!acquirePermit()) {
            letGo(a);
            return;
        }
        SagaRef ref = a.ref();
        try (LogContext ignored = LogContext.of(ref, definitionOf(a).step(index).name(), attempt)) {
            SagaRecord r = a.record;
            SagaDefinition<Object> definition = definitionOf(a);
            StepDefinition<Object> step = definition.step(index);
            StepContext context = context(a, step.name(), attempt);
            Long timeout = compensation ? (step.timeout() == null ? null : step.timeout().toMillis())
                    : attemptTimeout(r, definition, step);
            long started = System.nanoTime();
            AttemptOutcome outcome;
            Map<String, Object> scored = new HashMap<>(1);
            try {
                Object data = a.data();
                Callable<Object> body = compensation ? () -> {
                    step.compensation().compensate(data, context);
                    return null;
                } : () -> step.action().apply(data, context);
                Object returned = call(a, () -> {
                    // On the thread that runs the call, which is not this one when the attempt has a time limit.
                    try (LogContext onCallThread = LogContext.of(ref, step.name(), attempt)) {
                        return observers.intercepting() ? observers.around(new StepAttempt(ref, step.name(), attempt,
                                compensation, false, ref.startContext()), body::call) : body.call();
                    }
                }, timeout);
                outcome = compensation ? AttemptOutcome.done(r.data(), null)
                        : OutputChecks.check(step, kept(a, data, returned, "as step '" + step.name() + "' returned it"), scored);
            } catch (TimeoutException e) {
                outcome = AttemptOutcome.failed(StepError.timeout(timeout));
                logFailure(a, step.name(), compensation, attempt, e);
            } catch (UnstorableResult e) {
                outcome = AttemptOutcome.failed(StepError.unknownOutcome(
                        "step returned, but its result cannot be recorded: " + e.getCause().getMessage(), e.getCause()));
                logFailure(a, step.name(), compensation, attempt, e.getCause());
            } catch (Throwable e) {
                if (stoppedByClose(e)) {
                    letGo(a);
                    return;
                }
                outcome = AttemptOutcome.failed(StepError.of(e, compensation || step.retry().isRetryable(e)));
                logFailure(a, step.name(), compensation, attempt, e);
            }
            Map<String, Object> metadata = context.attached();
            metadata.putAll(scored);
            Concluded concluded = conclude(a, index, compensation, outcome, elapsedMillis(started),
                    AttemptMetadata.encode(metadata, a.id, step.name(), attempt));
            // Queued before the permit is released: close() waits for the permits, so an outcome
            // that exists is committed before the engine stops.
            record(a, concluded.transition(), concluded.outcome().data(), new Attempt(step.name(), compensation,
                    concluded.outcome().succeeded(), attempt, AttemptKind.CALL, errorType(concluded.outcome())));
        } catch (Throwable t) {
            log.error("saga {}: unexpected error around a {} call; letting go", a.id, compensation ? "compensation" : "step", t);
            letGo(a);
        } finally {
            stepPermits.release();
        }
    }

    /**
     * The data after an attempt that returned {@code returned} ({@code null}: unchanged), checked to
     * survive the store: a result that does not is an {@link UnstorableResult}.
     */
    private AttemptOutcome kept(ActiveSaga a, Object data, Object returned, String how) throws UnstorableResult {
        Object after = returned == null ? data : returned;
        if (after == data) {
            return AttemptOutcome.done(a.record.data(), data);
        }
        try {
            Json.Stored stored = Json.storable(after, definitionOf(a).dataType(), "saga " + a.id + " " + how, maxDataChars);
            return AttemptOutcome.done(stored.json(), stored.copy());
        } catch (RuntimeException e) {
            throw new UnstorableResult(e);
        }
    }

    /** A result that cannot be written as the saga's data: the attempt's outcome is unknown. */
    private static final class UnstorableResult extends Exception {
        UnstorableResult(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * The one way from an attempt's outcome to the state machine's transition, for local calls and
     * replies, steps and compensations alike. A step's conditions are evaluated on the data it left;
     * one that throws makes the outcome unknown.
     */
    private Concluded conclude(ActiveSaga a, int index, boolean compensation, AttemptOutcome outcome, long millis) {
        SagaRecord r = a.record;
        long now = clock.millis();
        if (outcome instanceof AttemptOutcome.Failed failed) {
            return new Concluded(compensation ? a.machine.compensationFailed(r, index, failed.error(), millis, now)
                    : a.machine.stepFailed(r, index, failed.error(), millis, now), outcome);
        }
        if (outcome instanceof AttemptOutcome.ScoredLow low) {
            return new Concluded(a.machine.stepScoredLow(r, index, low.json(), low.score(), low.threshold(), millis, now),
                    outcome);
        }
        AttemptOutcome.Done done = (AttemptOutcome.Done) outcome;
        if (compensation) {
            return new Concluded(a.machine.compensationSucceeded(r, index, millis, now), outcome);
        }
        SagaDefinition<Object> definition = definitionOf(a);
        try {
            return new Concluded(a.machine.stepSucceeded(r, index, done.json(), Conditions.of(definition, done.data()),
                    millis, now), outcome);
        } catch (Conditions.ConditionFailed conditionFailed) {
            logFailure(a, definition.step(index).name(), false, r.attemptsMade() + 1, conditionFailed);
            StepError unknown = StepError.unknownOutcome("step returned, but its result cannot be recorded: "
                    + conditionFailed.getMessage(), conditionFailed.getCause() == null ? conditionFailed : conditionFailed.getCause());
            // The data it left is not stored, so it is not kept here either; nor is the attempt a success.
            return new Concluded(a.machine.stepFailed(r, index, unknown, millis, now), AttemptOutcome.failed(unknown));
        }
    }

    /** As {@link #conclude(ActiveSaga, int, boolean, AttemptOutcome, long)}, the attempt's entry carrying {@code metadata} (JSON). */
    private Concluded conclude(ActiveSaga a, int index, boolean compensation, AttemptOutcome outcome, long millis,
                               String metadata) {
        int attempt = a.record.attemptsMade() + 1;
        Concluded concluded = conclude(a, index, compensation, outcome, millis);
        return new Concluded(AttemptMetadata.onto(concluded.transition(), definitionOf(a).step(index).name(), attempt,
                metadata), concluded.outcome());
    }

    /** A transition and the outcome it records: the one the attempt had, or a failure when it could not be recorded. */
    private record Concluded(Transition transition, AttemptOutcome outcome) {
    }

    /**
     * A loop back or a continue-as-new: the user's condition or next data decide where the saga goes.
     * What they throw fails the step like a call's error (a flow step is retried until it succeeds).
     */
    private void takeFlowStep(ActiveSaga a, int index) {
        SagaRecord r = a.record;
        SagaDefinition<Object> definition = definitionOf(a);
        StepDefinition<Object> step = definition.step(index);
        long now = clock.millis();
        Transition transition;
        Object newData = null;
        try (LogContext ignored = LogContext.of(a.ref(), step.name(), r.attemptsMade() + 1)) {
            try {
                switch (step.flow()) {
                    case dev.sagaflow.FlowControl.LoopTo<Object> loop -> {
                        Object data = a.data();
                        transition = loop.again().test(data)
                                ? a.machine.loopedBack(r, index, definition.indexOf(loop.target()), Conditions.of(definition, data), now)
                                : a.machine.passed(r, index, "the loop ends after pass " + (r.progress().loops() + 1),
                                Conditions.of(definition, data), now);
                    }
                    case dev.sagaflow.FlowControl.ContinueAsNew<Object> next -> {
                        Object made = next.next().apply(a.data());
                        Json.Stored stored = Json.storable(made == null ? a.data() : made, definition.dataType(),
                                "saga " + a.id + " for its run " + (r.progress().run() + 1), maxDataChars);
                        newData = stored.copy();
                        transition = a.machine.continuedAsNew(r, index, stored.json(), Conditions.of(definition, newData), now);
                    }
                }
            } catch (Throwable e) {
                logFailure(a, step.name(), false, r.attemptsMade() + 1, e);
                newData = null;
                transition = a.machine.stepFailed(r, index, StepError.of(e, true), 0, now);
            }
        }
        record(a, transition, newData, null);
    }

    /**
     * An interrupt from {@code close()} stops the call, and the next run takes the instance up; one the
     * user's code threw on its own account (a client interrupted) is a failed attempt like any other.
     */
    private boolean stoppedByClose(Throwable e) {
        return e instanceof InterruptedException && closing;
    }

    private void logFailure(ActiveSaga a, String step, boolean compensation, int attempt, Throwable cause) {
        outcomes.warn("saga {} ({}), {} '{}' attempt {} failed", a.id, a.record.correlationId(),
                compensation ? "compensation of" : "step", step, attempt, cause);
    }

    /** Runs {@code body} for the instance so that nothing it throws leaves the instance held and idle. */
    private void fenced(ActiveSaga a, Runnable body) {
        try (LogContext ignored = LogContext.of(a.ref())) {
            body.run();
        } catch (Throwable t) {
            log.error("saga {}: unexpected error while moving it on; letting go, its lease runs out and a node "
                    + "takes it up again", a.id, t);
            letGo(a);
        }
    }

    void record(ActiveSaga a, Transition transition, Object newData, Attempt attempt) {
        record(a, transition, newData, attempt, List.of(), true, List.of(), ChildWrites.NONE);
    }

    /** Commits a transition that consumes inbox entries; they leave the inbox only if it is applied. */
    void recordConsuming(ActiveSaga a, Transition transition, Object newData, List<String> consumedSignals) {
        record(a, transition, newData, null, List.of(), true, consumedSignals, ChildWrites.NONE);
    }

    /**
     * Commits a transition of a step that starts child sagas, all or none with what it does to them:
     * the children it starts or reopens ({@code children.members}) and the cancels it sends them
     * ({@code children.deliveries}); once applied, the children this node runs are taken up here.
     */
    void recordWithChildren(ActiveSaga a, Transition transition, Object newData, List<String> consumedSignals,
                            ChildWrites children) {
        record(a, transition, newData, null, List.of(), true, consumedSignals, children);
    }

    /** What a parent's transition writes to its children, and the children to take up once it is applied. */
    record ChildWrites(List<StoreWrite> members, List<dev.sagaflow.spi.SignalRecord> deliveries, List<Runnable> onApplied) {
        static final ChildWrites NONE = new ChildWrites(List.of(), List.of(), List.of());
    }

    private CompletableFuture<WriteResult> record(ActiveSaga a, Transition transition, Object newData, Attempt attempt,
                                                  List<Message> outbox, boolean keepLease) {
        return record(a, transition, newData, attempt, outbox, keepLease, List.of(), ChildWrites.NONE);
    }

    /**
     * Commits a transition and the messages it sends; once it is durable, moves the instance on, on a
     * virtual thread. {@code keepLease}: whether this node goes on with the instance after the write.
     */
    private CompletableFuture<WriteResult> record(ActiveSaga a, Transition transition, Object newData, Attempt attempt,
                                                  List<Message> outbox, boolean keepLease, List<String> consumedSignals,
                                                  ChildWrites children) {
        SagaRecord before = a.record;
        SagaRecord next = stamp(transition.next(), before.version(), clock.millis(), keepLease);
        boolean ends = next.state().isTerminal() && !before.state().isTerminal();
        List<Message> messages = ends ? withOutcomeEvent(a.machine, next, a.ref(), outbox) : outbox;
        List<dev.sagaflow.spi.SignalRecord> deliveries = ends && next.parentId() != null
                ? concat(children.deliveries(), endToldToParent(next)) : children.deliveries();
        // A new run leaves the history of the runs the saga no longer keeps behind, in the same write.
        int run = next.progress().run();
        Integer keepRunsFrom = run > before.progress().run()
                ? Math.max(0, run - a.machine.definition().keepRuns() + 1) : null;
        StoreWrite.Update update = new StoreWrite.Update(next, before.version(), transition.history(), messages,
                consumedSignals, deliveries, keepRunsFrom);
        StoreWrite write = update;
        if (!children.members().isEmpty()) {
            List<StoreWrite> members = new ArrayList<>();
            members.add(update);
            members.addAll(children.members());
            write = new StoreWrite.Group(members);
        }
        CompletableFuture<WriteResult> written = committer.submit(write);
        written.whenCompleteAsync((result, error) -> {
                    try (LogContext ignored = LogContext.of(a.ref())) {
                        if (error != null) {
                            afterFailedWrite(a, next, attempt, error);
                        } else if (!result.isApplied()) {
                            afterRefusedWrite(a, next, attempt);
                        } else {
                            children.onApplied().forEach(Runnable::run);
                            if (!deliveries.isEmpty()) {
                                wakeHint.accept(clock.millis());
                            }
                            afterCommit(a, next, transition.history(), newData, attempt, !messages.isEmpty());
                        }
                    } catch (Throwable t) {
                        log.error("saga {}: unexpected error after the write of version {}; letting go", a.id,
                                next.version(), t);
                        letGo(a);
                    }
                }, continuations);
        return written;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /**
     * A child saga's end, for its parent's inbox, in the same write as the child's final transition:
     * its id, final state, data and failure. One per (child, version), so it is told once.
     */
    public List<dev.sagaflow.spi.SignalRecord> endToldToParent(SagaRecord ended) {
        if (ended.parentId() == null) {
            return List.of();
        }
        Map<String, Object> end = new java.util.LinkedHashMap<>();
        end.put("child", ended.id());
        end.put("state", ended.state().name());
        end.put("data", ended.data());
        end.put("failure", ended.failure());
        return List.of(new dev.sagaflow.spi.SignalRecord(dev.sagaflow.spi.SignalRecord.CHILD_ENDED + ":" + ended.id() + ":"
                + ended.version(), ended.parentId(), dev.sagaflow.spi.SignalRecord.CHILD_ENDED,
                Json.encode(end, "the end of child saga " + ended.id()), ended.updatedAt()));
    }

    /**
     * The saga's {@link SagaOutcome} event, if its definition publishes them, joins the final
     * transition's write: sent if and only if the end is recorded. It carries the saga's start
     * context, so a consumer's trace links to the one that started the saga.
     */
    public List<Message> withOutcomeEvent(SagaStateMachine machine, SagaRecord ended, SagaRef ref, List<Message> outbox) {
        Optional<String> channel = machine.definition().outcomeChannel();
        if (channel.isEmpty()) {
            return outbox;
        }
        SagaOutcome outcome = new SagaOutcome(ended.id(), ended.sagaName(), ended.sagaVersion(), ended.correlationId(),
                ended.state(), ended.state() == SagaState.COMPLETED ? null : ended.failure(),
                ended.updatedAt(), Json.tree(ended.data(), "saga " + ended.id()));
        Message event = new Message(Message.newId(), channel.get(), SagaOutcome.typeOf(ended.state()), ended.id(),
                ended.correlationId(), ref.startContext(), Json.encode(outcome, "the outcome event of saga " + ended.id()));
        List<Message> messages = new ArrayList<>(outbox);
        messages.add(event);
        return messages;
    }

    private void afterCommit(ActiveSaga a, SagaRecord next, List<HistoryEvent> history, Object newData, Attempt attempt,
                             boolean sentMessages) {
        if (sentMessages) {
            outboxHint.run();
        }
        a.record = next;
        if (newData != null) {
            a.data = newData;
        }
        logOutcome(a, next, history);
        long latencyNanos = System.nanoTime() - a.dueNanos;
        if (attempt != null && attempt.kind != AttemptKind.COMMAND) {
            tellListener(a, () -> listener.onAttemptRecorded(a.id, next.sagaName(), attempt.step, attempt.compensation,
                    attempt.succeeded, latencyNanos));
        }
        if (observers.listening()) {
            tellEvents(a.ref(), next, history, attempt, latencyNanos);
        }
        if (next.owner() == null && !next.state().isTerminal()) {
            // Handed back to the store to wait: whichever node claims it when due continues it,
            // this one included. Going on here even if the due time has passed by now would race
            // that claim, and one of the two writes would be refused.
            letGo(a);
            if (next.wakeAt() != null) {
                wakeHint.accept(next.wakeAt());
            }
            return;
        }
        proceed(a);
    }

    private static void logOutcome(ActiveSaga a, SagaRecord next, List<HistoryEvent> history) {
        for (HistoryEvent event : history) {
            switch (event.type()) {
                case SAGA_FAILED -> outcomes.error("saga {} ({}) failed, every completed step compensated: {}", a.id,
                        next.correlationId(), next.failure());
                case STEP_FLAGGED -> outcomes.warn("saga {} ({}) flagged: step '{}' {}", a.id, next.correlationId(),
                        event.step(), event.detail());
                case COMPENSATION_STALLED -> outcomes.error("saga {} ({}): the compensation of '{}' stalled after {} "
                        + "attempts; still retried, an operator can act", a.id, next.correlationId(), event.step(),
                        event.attempt());
                default -> {
                }
            }
        }
    }

    /**
     * The write's outcome is settled as not applied (the committer resolves unknown outcomes itself):
     * either the store refused its content, or the engine is closing.
     */
    private void afterFailedWrite(ActiveSaga a, SagaRecord next, Attempt attempt, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof WriteRefusedException refused) || closing) {
            log.debug("saga {}: write of version {} not applied ({})", a.id, next.version(), cause.toString());
            letGo(a);
            return;
        }
        observers.tell(new SagaEvent.WriteRefused(a.ref(), refused.getMessage()));
        if (attempt == null || a.outcomeUnstorable) {
            log.error("saga {}: the store refused its transition to version {}; letting go: {}", a.id, next.version(),
                    refused.getMessage());
            letGo(a);
            return;
        }
        // What the attempt produced cannot be stored; what is stored instead is that its outcome is
        // unknown, so the saga goes on: retried, or compensated with this step included.
        a.outcomeUnstorable = true;
        log.error("saga {}: the store refused the outcome of {} '{}'; recording the attempt as failed with an unknown "
                + "outcome: {}", a.id, attempt.compensation ? "the compensation of" : "step", attempt.step, refused.getMessage());
        SagaRecord r = a.record;
        StepError unstorable = StepError.unknownOutcome("the outcome of attempt " + attempt.number
                + " could not be stored: " + refused.getMessage());
        boolean compensation = r.state().isCompensating();
        Transition instead = conclude(a, compensation ? r.toCompensate().get(r.toCompensate().size() - 1) : r.stepIndex(),
                compensation, AttemptOutcome.failed(unstorable), 0).transition();
        record(a, instead, null, new Attempt(attempt.step, attempt.compensation, false, attempt.number, attempt.kind));
    }

    /**
     * The version check refused the write: the stored row moved on. Either a node took the instance
     * over after this one's lease ran out (let go), or an operator changed it while this node holds
     * it (a cancel): then this node goes on from the stored row, after noting that the outcome of the
     * call it was running came too late to count.
     */
    private void afterRefusedWrite(ActiveSaga a, SagaRecord next, Attempt attempt) {
        if (closing) {
            letGo(a);
            return;
        }
        Optional<SagaRecord> stored = reads.read(() -> store.find(a.id.value()));
        long now = clock.millis();
        if (active.get(a.id.value()) == a && stored.isPresent() && identity.owner().equals(stored.get().owner()) && stored.get().leaseUntil() != null
                && stored.get().leaseUntil() > now && !stored.get().state().isTerminal()) {
            SagaRecord current = stored.get();
            if (!current.data().equals(a.record.data())) {
                a.data = null;
            }
            a.record = current;
            if (attempt != null && attempt.kind == AttemptKind.CALL) {
                log.info("saga {}: the outcome of {} '{}' came after an operator's change; not applied, going on "
                        + "from the stored row", a.id, attempt.compensation ? "the compensation of" : "step", attempt.step);
                record(a, a.machine.note(current, HistoryEventType.LATE_RESULT, attempt.step, "attempt " + attempt.number
                        + (attempt.succeeded ? " succeeded" : " failed") + " after the instance was changed by an "
                        + "operator; not applied", now), null, null);
                return;
            }
            proceed(a);
            return;
        }
        refusedWrites.incrementAndGet();
        observers.tell(new SagaEvent.LeaseLost(a.ref()));
        log.info("saga {}: write of version {} refused, the stored row moved on (a node took the instance over after "
                + "this one's lease ran out); letting go", a.id, next.version());
        letGo(a);
    }

    /** The lifecycle events a committed transition stands for, in the order of its history. */
    /** What an operator's committed change (written without a runner entry) stands for, told to the listeners. */
    public void tellOperatorChange(SagaRecord next, List<HistoryEvent> history) {
        if (observers.listening()) {
            continuations.execute(() -> tellEvents(Observers.refOf(next), next, history, null, 0));
        }
    }

    private void tellEvents(SagaRef ref, SagaRecord next, List<HistoryEvent> history, Attempt attempt, long latencyNanos) {
        if (attempt != null && attempt.kind != AttemptKind.COMMAND) {
            Duration took = history.stream().filter(e -> e.step() != null && e.step().equals(attempt.step)
                    && e.attempt() == attempt.number).map(HistoryEvent::duration).findFirst().orElse(Duration.ZERO);
            observers.tell(new SagaEvent.AttemptEnded(ref, attempt.step, attempt.number, attempt.compensation,
                    attempt.succeeded, took, Duration.ofNanos(latencyNanos), attempt.errorType));
        }
        boolean retrying = history.stream().anyMatch(e -> e.type() == HistoryEventType.RETRY_SCHEDULED);
        Duration sinceStart = Duration.ofMillis(Math.max(0, next.updatedAt() - next.createdAt()));
        Instant endedAt = Instant.ofEpochMilli(next.updatedAt());
        for (HistoryEvent e : history) {
            switch (e.type()) {
                case STEP_FAILED -> observers.tell(new SagaEvent.StepFailed(ref, e.step(), e.attempt(), e.detail(), retrying));
                case COMPENSATION_STARTED -> observers.tell(new SagaEvent.CompensationStarted(ref, e.detail()));
                case COMPENSATION_STALLED -> observers.tell(new SagaEvent.Stalled(ref, e.step(), "COMPENSATION_STALLED", e.detail()));
                case STEP_FLAGGED -> observers.tell(new SagaEvent.Stalled(ref, e.step(), SagaStateMachine.FLAG_RETRYING, e.detail()));
                case CALL_NOT_RETURNING -> observers.tell(new SagaEvent.Stalled(ref, e.step(), "CALL_NOT_RETURNING", e.detail()));
                case SAGA_COMPLETED -> observers.tell(new SagaEvent.Completed(ref, sinceStart, endedAt));
                case SAGA_FAILED -> observers.tell(new SagaEvent.Failed(ref, next.failure(), sinceStart, endedAt));
                case SAGA_CANCELLED -> observers.tell(new SagaEvent.Cancelled(ref, sinceStart, endedAt));
                // An operator's resolve ends it in the state the operator chose; listeners hear that end.
                case SAGA_RESOLVED -> observers.tell(next.state() == SagaState.COMPLETED
                        ? new SagaEvent.Completed(ref, sinceStart, endedAt)
                        : new SagaEvent.Failed(ref, next.failure(), sinceStart, endedAt));
                default -> {
                }
            }
        }
    }

    private void tellListener(ActiveSaga a, Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            log.warn("saga {}: the SagaListener threw; ignored, the saga goes on", a.id, t);
        }
    }

    /**
     * A remote step or compensation: the command goes to the outbox in the same transaction as the
     * transition that starts the wait for its reply, so it is sent if and only if the wait is recorded.
     */
    private void sendCommand(ActiveSaga a, int stepIndex, boolean compensation) {
        SagaRecord r = a.record;
        StepDefinition<Object> step = definitionOf(a).step(stepIndex);
        RemoteCommand<Object> command = compensation ? step.compensationCommand() : step.command();
        int attempt = r.attemptsMade() + 1;
        long now = clock.millis();
        String channel = replyChannel;
        if (channel == null) {
            throw new IllegalStateException("saga " + r.id() + " sends commands, but this engine has no transport");
        }
        SagaRef ref = a.ref();
        // Built inside the interceptors, so the command's headers carry the context they make current.
        Callable<Object> build = () -> {
            Object body = command.payload().apply(a.data());
            String payload = Json.encode(body, "the " + command.type() + " command of saga " + r.id());
            return commandMessage(a, step, command, payload, channel);
        };
        Message message;
        try (LogContext ignored = LogContext.of(ref, step.name(), attempt)) {
            Object built = observers.intercepting() ? observers.around(new StepAttempt(ref, step.name(), attempt,
                    compensation, true, ref.startContext()), build::call) : build.call();
            if (!(built instanceof Message queued)) {
                // Only an interceptor can get here: it did not return what the attempt built.
                throw new IllegalStateException("a StepInterceptor returned " + built + " instead of the command it was "
                        + "given by proceed(): an interceptor must return what proceed() returns");
            }
            message = queued;
        } catch (Throwable e) {
            logFailure(a, step.name(), compensation, attempt, e);
            AttemptOutcome failed = AttemptOutcome.failed(StepError.of(e, compensation || step.retry().isRetryable(e)));
            record(a, conclude(a, stepIndex, compensation, failed, 0).transition(), null,
                    new Attempt(step.name(), compensation, false, attempt, AttemptKind.CALL, errorType(failed)));
            return;
        }
        String detail = command.type() + " to " + command.channel() + ", message " + message.id();
        long timeout = step.replyTimeout().toMillis();
        Transition transition = compensation
                ? a.machine.compensationCommandSent(r, stepIndex, message.id(), detail, timeout, now)
                : a.machine.commandSent(r, stepIndex, message.id(), detail, timeout, now);
        record(a, transition, null, new Attempt(step.name(), compensation, false, attempt, AttemptKind.COMMAND),
                List.of(message), true);
    }

    /**
     * A reply came for an instance that waits in the store: if it is the awaited one, its transition is
     * committed and this node takes the instance on. Completes with whether the reply moved it. Empty
     * when this node holds the instance already (the same reply being applied, or its timeout): the
     * caller looks at the row again once that is over.
     */
    public Optional<CompletableFuture<WriteResult>> applyReply(SagaStateMachine machine, SagaRecord r, Reply reply) {
        ActiveSaga a = new ActiveSaga(machine, r, null);
        if (active.putIfAbsent(r.id(), a) != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(recordReply(a, reply));
        } catch (Throwable t) {
            letGo(a);
            throw t;
        }
    }

    private CompletableFuture<WriteResult> recordReply(ActiveSaga a, Reply reply) {
        SagaRecord r = a.record;
        SagaDefinition<Object> definition = definitionOf(a);
        long now = clock.millis();
        long waited = Math.max(0, now - r.updatedAt());
        // The attempt's latency for listeners is the round trip: from the commit that sent the command.
        a.dueNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(waited);
        boolean compensation = r.state().isCompensating();
        int index = compensation ? r.toCompensate().get(r.toCompensate().size() - 1) : r.stepIndex();
        StepDefinition<Object> step = definitionOf(a).step(index);
        AttemptOutcome outcome;
        Map<String, Object> scored = new HashMap<>(1);
        if (!reply.succeeded()) {
            boolean retryable = compensation || reply.outcome() == Reply.Outcome.RETRYABLE_FAILURE;
            outcome = AttemptOutcome.failed(StepError.reply(describe(reply), retryable));
        } else if (compensation) {
            outcome = AttemptOutcome.done(r.data(), null);
        } else {
            try {
                Object data = a.data();
                outcome = OutputChecks.check(step, kept(a, data, step.onReply() == null ? data : step.onReply().apply(data, reply),
                        "as the reply to step '" + step.name() + "' left it"), scored);
            } catch (Throwable e) {
                logFailure(a, step.name(), false, r.attemptsMade() + 1, e);
                outcome = AttemptOutcome.failed(StepError.unknownOutcome(
                        "the reply came, but folding it into the data failed: " + (e instanceof UnstorableResult ? e.getCause() : e)));
            }
        }
        Concluded concluded = conclude(a, index, compensation, outcome, waited,
                AttemptMetadata.encode(scored, a.id, step.name(), r.attemptsMade() + 1));
        return record(a, concluded.transition(), concluded.outcome().data(), new Attempt(step.name(), compensation,
                concluded.outcome().succeeded(), r.attemptsMade() + 1, AttemptKind.REPLY, errorType(concluded.outcome())),
                List.of(), true);
    }

    /** A remote attempt's command: reply channel, the step's idempotency key and the propagated context in its headers. */
    private Message commandMessage(ActiveSaga a, StepDefinition<Object> step, RemoteCommand<Object> command,
                                   String payload, String replyChannel) {
        SagaRecord r = a.record;
        Map<String, String> headers = new HashMap<>();
        observers.inject(headers);
        headers.put(MessageHeaders.REPLY_TO, replyChannel);
        headers.put(MessageHeaders.IDEMPOTENCY_KEY, StepContext.idempotencyKey(a.id, r.progress().run(),
                r.progress().loops(), step.name()));
        return new Message(Message.newId(), command.channel(), command.type(), r.id(), r.correlationId(), headers, payload);
    }

    private static String describe(Reply reply) {
        return "reply " + reply.outcome().headerValue() + (reply.failure() == null ? "" : ": " + reply.failure());
    }

    private boolean acquirePermit() {
        try {
            stepPermits.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The attempt's time limit: the step's timeout, cut short by the saga deadline before the pivot. */
    private Long attemptTimeout(SagaRecord r, SagaDefinition<Object> definition, StepDefinition<Object> step) {
        Long limit = step.timeout() == null ? null : step.timeout().toMillis();
        // The deadline cuts short the steps before the pivot, not the pivot's own call: once it has
        // begun, the saga is passing its point of no return.
        if (r.deadlineAt() != null && r.stepIndex() < definition.pointOfNoReturn() && step.kind() != StepKind.PIVOT) {
            long left = Math.max(1, r.deadlineAt() - clock.millis());
            limit = limit == null ? left : Math.min(limit, left);
        }
        return limit;
    }

    /**
     * Calls user code for the instance. With a time limit it runs on a thread of its own, and when the
     * limit passes it is interrupted and the attempt given up. Until a call has actually returned it
     * stays registered as under way, and no other call of the instance starts on this node: not a
     * retry or compensation after a timeout, nor the effect of a newer claim of the same instance.
     */
    private Object call(ActiveSaga a, Callable<Object> body, Long timeoutMillis) throws Throwable {
        String id = a.id.value();
        CompletableFuture<Void> returned = new CompletableFuture<>();
        callsUnderWay.put(id, returned);
        Runnable over = () -> {
            callsUnderWay.remove(id, returned);
            returned.complete(null);
        };
        // Whoever takes this first decides: the call's thread when it begins, or the timeout when the
        // thread has not even begun (a busy node); then nothing is under way, and nothing may begin.
        AtomicBoolean taken = new AtomicBoolean();
        FutureTask<Object> task = new FutureTask<>(() -> {
            if (!taken.compareAndSet(false, true)) {
                throw new CancellationException("given up before it began");
            }
            try {
                return body.call();
            } finally {
                over.run();
            }
        });
        if (timeoutMillis == null) {
            task.run();
            return outcome(task);
        }
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            over.run();
            throw new InterruptedException("the engine is closing");
        }
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            if (taken.compareAndSet(false, true)) {
                over.run();
            }
            task.cancel(true);
            throw e;
        }
    }

    private static Object outcome(FutureTask<Object> ran) throws Throwable {
        try {
            return ran.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private StepContext context(ActiveSaga a, String stepName, int attempt) {
        SagaRecord r = a.record;
        return new StepContext(a.id, stepName, attempt, StepContext.idempotencyKey(a.id, r.progress().run(),
                r.progress().loops(), stepName), r.correlationId());
    }

    @SuppressWarnings("unchecked")
    private static SagaDefinition<Object> definitionOf(ActiveSaga a) {
        return (SagaDefinition<Object>) a.machine.definition();
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /**
     * Stops starting effects and waits up to {@code waitMillis} for the calls under way to end and
     * their outcomes to be queued for commit.
     */
    public void close(long waitMillis) {
        closing = true;
        try {
            if (stepPermits.tryAcquire(maxConcurrentSteps, waitMillis, TimeUnit.MILLISECONDS)) {
                stepPermits.release(maxConcurrentSteps);
            } else {
                log.warn("closing with step calls still running; their instances resume on the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }

    /** What a write records of an attempt. */
    private enum AttemptKind {
        /** A local call returned, threw or timed out. */
        CALL,
        /** A remote attempt's reply came, or did not come in time. */
        REPLY,
        /** A remote attempt's command is sent: its outcome comes with the reply, and listeners hear of it then. */
        COMMAND
    }

    /** One attempt whose outcome a write carries, for listeners and logs; {@code number} is 1-based. */
    private record Attempt(String step, boolean compensation, boolean succeeded, int number, AttemptKind kind,
                           String errorType) {
        Attempt(String step, boolean compensation, boolean succeeded, int number, AttemptKind kind) {
            this(step, compensation, succeeded, number, kind, null);
        }
    }

    private static String errorType(AttemptOutcome outcome) {
        return outcome instanceof AttemptOutcome.Failed failed ? failed.error().errorType() : null;
    }
}
