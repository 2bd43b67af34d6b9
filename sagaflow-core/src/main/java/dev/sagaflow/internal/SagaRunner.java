package dev.sagaflow.internal;

import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaListener;
import dev.sagaflow.StepContext;
import dev.sagaflow.StepDefinition;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.RemoteCommand;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.LongConsumer;

/**
 * Runs the effects of the instances this node holds. Each step call runs on a virtual thread, at
 * most {@code maxConcurrentSteps} at once; its outcome becomes a transition of the state machine,
 * which is committed before the instance's next effect is started. An instance waiting for a due
 * time is not held at all: its row carries the time and the poller claims it back.
 */
public final class SagaRunner {
    private final java.util.concurrent.atomic.AtomicLong refusedWrites = new java.util.concurrent.atomic.AtomicLong();

    private static final Logger log = LoggerFactory.getLogger(SagaRunner.class);

    private final String nodeId;
    private final GroupCommitter committer;
    private final Clock clock;
    private final long leaseMillis;
    private final SagaListener listener;
    private final LongConsumer wakeHint;
    private final Semaphore stepPermits;
    private final int maxConcurrentSteps;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, ActiveSaga> active = new ConcurrentHashMap<>();
    private volatile String replyChannel;
    private volatile Runnable outboxHint = () -> { };
    private final AtomicLong writeCounter = new AtomicLong();
    private volatile boolean closing;

    public SagaRunner(String nodeId, GroupCommitter committer, Clock clock, long leaseMillis, int maxConcurrentSteps,
                      SagaListener listener, LongConsumer wakeHint) {
        this.nodeId = nodeId;
        this.committer = committer;
        this.clock = clock;
        this.leaseMillis = leaseMillis;
        this.listener = listener;
        this.wakeHint = wakeHint;
        this.maxConcurrentSteps = maxConcurrentSteps;
        this.stepPermits = new Semaphore(maxConcurrentSteps);
    }

    /** Remote steps send their commands with this reply channel; {@code hint} is told when messages enter the outbox. */
    public void enableCommands(String replyChannel, Runnable outboxHint) {
        this.replyChannel = replyChannel;
        this.outboxHint = outboxHint;
    }

    /** The instances this node holds in memory: the only ones whose leases it renews. */
    public java.util.Set<String> heldIds() {
        return java.util.Set.copyOf(active.keySet());
    }

    public int activeCount() {
        return active.size();
    }

    public boolean isActive(String id) {
        return active.containsKey(id);
    }

    /** Takes charge of an instance whose row this node has just written or claimed. */
    public void activate(SagaStateMachine machine, SagaRecord record, Object data) {
        ActiveSaga a = new ActiveSaga(machine, record, data);
        ActiveSaga stale = active.put(record.id(), a);
        if (stale != null && stale.record.version() >= record.version()) {
            active.replace(record.id(), a, stale);
            log.warn("saga {}: ignoring activation at version {}, already held at version {}", record.id(),
                    record.version(), stale.record.version());
            return;
        }
        // A newer row (an operator's write, then a claim) replaces a holder whose call may still be
        // under way; that holder's next write is refused by the version check and it lets go.
        advance(a);
    }

    /** Stamps a transition for writing by this node: next version, a write id, and the lease. */
    /** Transitions this node computed whose write the store refused (fenced by the version). */
    public long refusedWrites() {
        return refusedWrites.get();
    }

    public SagaRecord stamp(SagaRecord next, long expectedVersion, long now, boolean keepLease) {
        boolean release = !keepLease || next.state().isTerminal() || (next.wakeAt() != null && next.wakeAt() > now);
        return next.toBuilder()
                .version(expectedVersion + 1)
                .writeId(nodeId + ":" + writeCounter.incrementAndGet())
                .updatedAt(now)
                .owner(release ? null : nodeId)
                .leaseUntil(release ? null : now + leaseMillis)
                .build();
    }

    private void advance(ActiveSaga a) {
        if (closing) {
            active.remove(a.id.value(), a);
            return;
        }
        long now = clock.millis();
        SagaRecord r = a.record;
        switch (a.machine.nextEffect(r, now)) {
            case Effect.None none -> {
                active.remove(a.id.value(), a);
                listener.onSagaEnded(a.id, r.sagaName(), r.state());
            }
            case Effect.Wait wait -> {
                active.remove(a.id.value(), a);
                wakeHint.accept(wait.until());
            }
            case Effect.Resume resume -> record(a, a.machine.resume(r, now), null, null);
            case Effect.DeadlineExceeded deadline -> record(a, a.machine.deadlineExceeded(r, now), null, null);
            case Effect.ReplyTimedOut timedOut -> record(a, a.machine.replyTimedOut(r, now), null,
                    new Attempt(currentStepName(a), r.state().isCompensating(), false));
            case Effect.RunStep step -> {
                a.dueNanos = System.nanoTime();
                if (definitionOf(a).step(step.index()).isRemote()) {
                    sendCommand(a, step.index(), false);
                } else {
                    threads.execute(() -> runStep(a, step));
                }
            }
            case Effect.Compensate compensate -> {
                a.dueNanos = System.nanoTime();
                if (definitionOf(a).step(compensate.index()).hasRemoteCompensation()) {
                    sendCommand(a, compensate.index(), true);
                } else {
                    threads.execute(() -> runCompensation(a, compensate));
                }
            }
        }
    }

    private void runStep(ActiveSaga a, Effect.RunStep effect) {
        SagaRecord r = a.record;
        SagaDefinition<Object> definition = definitionOf(a);
        StepDefinition<Object> step = definition.step(effect.index());
        StepContext context = context(a, step.name(), effect.attempt());
        Long timeout = attemptTimeout(r, definition, step);
        long started = System.nanoTime();
        Transition transition;
        Object newData = null;
        boolean succeeded = false;
        if (!acquirePermit()) {
            return;
        }
        try {
            Object data = a.data();
            Object returned = call(() -> step.action().apply(data, context), timeout);
            newData = returned == null ? data : returned;
            long millis = elapsedMillis(started);
            try {
                Object after = newData;
                String json = after == data ? r.data() : Json.encode(after, "saga " + r.id());
                IntPredicate runs = i -> definition.step(i).runsFor(after);
                transition = a.machine.stepSucceeded(r, effect.index(), json, runs, millis, clock.millis());
                succeeded = true;
            } catch (RuntimeException e) {
                newData = null;
                transition = a.machine.stepFailed(r, effect.index(),
                        StepError.unknownOutcome("step returned, but its result cannot be recorded: " + e.getMessage()),
                        millis, clock.millis());
            }
        } catch (TimeoutException e) {
            transition = a.machine.stepFailed(r, effect.index(), StepError.timeout(timeout), elapsedMillis(started), clock.millis());
        } catch (InterruptedException e) {
            active.remove(a.id.value(), a);
            return;
        } catch (Throwable e) {
            transition = a.machine.stepFailed(r, effect.index(), StepError.of(e, step.retry().isRetryable(e)),
                    elapsedMillis(started), clock.millis());
        } finally {
            stepPermits.release();
        }
        record(a, transition, newData, new Attempt(step.name(), false, succeeded));
    }

    private void runCompensation(ActiveSaga a, Effect.Compensate effect) {
        SagaRecord r = a.record;
        StepDefinition<Object> step = definitionOf(a).step(effect.index());
        StepContext context = context(a, step.name(), effect.attempt());
        long started = System.nanoTime();
        Transition transition;
        boolean succeeded = false;
        if (!acquirePermit()) {
            return;
        }
        try {
            Object data = a.data();
            call(() -> {
                step.compensation().compensate(data, context);
                return null;
            }, step.timeout() == null ? null : step.timeout().toMillis());
            transition = a.machine.compensationSucceeded(r, effect.index(), elapsedMillis(started), clock.millis());
            succeeded = true;
        } catch (TimeoutException e) {
            transition = a.machine.compensationFailed(r, effect.index(), StepError.timeout(step.timeout().toMillis()),
                    elapsedMillis(started), clock.millis());
        } catch (InterruptedException e) {
            active.remove(a.id.value(), a);
            return;
        } catch (Throwable e) {
            transition = a.machine.compensationFailed(r, effect.index(), StepError.of(e, true),
                    elapsedMillis(started), clock.millis());
        } finally {
            stepPermits.release();
        }
        record(a, transition, null, new Attempt(step.name(), true, succeeded));
    }

    private CompletableFuture<WriteResult> record(ActiveSaga a, Transition transition, Object newData, Attempt attempt) {
        return record(a, transition, newData, attempt, List.of());
    }

    /** Commits a transition and the messages it sends; once it is durable, moves the instance on. */
    private CompletableFuture<WriteResult> record(ActiveSaga a, Transition transition, Object newData, Attempt attempt,
                                                  List<Message> outbox) {
        SagaRecord before = a.record;
        SagaRecord next = stamp(transition.next(), before.version(), clock.millis(), true);
        CompletableFuture<WriteResult> written =
                committer.submit(new StoreWrite.Update(next, before.version(), transition.history(), outbox));
        return written.whenComplete((result, error) -> {
            if (error != null || !result.isApplied()) {
                // Refused: another writer (an operator, or a node that took over) moved the instance;
                // whoever holds it now continues from the stored row.
                if (error != null) {
                    log.debug("saga {}: write of version {} not applied ({})", a.id, next.version(), error.toString());
                } else {
                    refusedWrites.incrementAndGet();
                    log.info("saga {}: write of version {} refused, the stored row moved on (a node took the instance "
                            + "over after this one's lease ran out, or an operator acted); letting go", a.id, next.version());
                }
                active.remove(a.id.value(), a);
                return;
            }
            if (!outbox.isEmpty()) {
                outboxHint.run();
            }
            a.record = next;
            if (newData != null) {
                a.data = newData;
            }
            if (attempt != null) {
                listener.onAttemptRecorded(a.id, next.sagaName(), attempt.step, attempt.compensation, attempt.succeeded,
                        System.nanoTime() - a.dueNanos);
            }
            if (next.owner() == null && !next.state().isTerminal()) {
                // Handed back to the store to wait: whichever node claims it when due continues it,
                // this one included. Going on here even if the due time has passed by now would race
                // that claim, and one of the two writes would be refused.
                active.remove(a.id.value(), a);
                wakeHint.accept(next.wakeAt());
                return;
            }
            advance(a);
        });
    }

    /**
     * A remote step or compensation: the command goes to the outbox in the same transaction as the
     * transition that starts the wait for its reply, so it is sent if and only if the wait is recorded.
     */
    private void sendCommand(ActiveSaga a, int stepIndex, boolean compensation) {
        SagaRecord r = a.record;
        StepDefinition<Object> step = definitionOf(a).step(stepIndex);
        RemoteCommand<Object> command = compensation ? step.compensationCommand() : step.command();
        long now = clock.millis();
        String payload;
        try {
            Object body = command.payload().apply(a.data());
            payload = Json.encode(body, "the " + command.type() + " command of saga " + r.id());
        } catch (RuntimeException e) {
            StepError error = StepError.of(e, !compensation && step.retry().isRetryable(e));
            record(a, compensation ? a.machine.compensationFailed(r, stepIndex, error, 0, now)
                    : a.machine.stepFailed(r, stepIndex, error, 0, now), null, new Attempt(step.name(), compensation, false));
            return;
        }
        String channel = replyChannel;
        if (channel == null) {
            throw new IllegalStateException("saga " + r.id() + " sends commands, but this engine has no transport");
        }
        Map<String, String> headers = new HashMap<>();
        headers.put(MessageHeaders.REPLY_TO, channel);
        headers.put(MessageHeaders.IDEMPOTENCY_KEY, StepContext.idempotencyKey(a.id, step.name()));
        headers.put(MessageHeaders.TRACEPARENT, TraceContext.childOf(r.id()));
        Message message = new Message(Message.newId(), command.channel(), command.type(), r.id(), r.correlationId(),
                headers, payload);
        String detail = command.type() + " to " + command.channel() + ", message " + message.id();
        long timeout = step.replyTimeout().toMillis();
        Transition transition = compensation
                ? a.machine.compensationCommandSent(r, stepIndex, message.id(), detail, timeout, now)
                : a.machine.commandSent(r, stepIndex, message.id(), detail, timeout, now);
        record(a, transition, null, null, List.of(message));
    }

    /**
     * A reply came for an instance that waits in the store: if it is the awaited one, its transition is
     * committed and this node takes the instance on. Completes with whether the reply moved it; a
     * duplicate or late reply moves nothing, and a refused write (the instance moved meanwhile) is
     * for the caller to look at again.
     */
    public CompletableFuture<WriteResult> applyReply(SagaStateMachine machine, SagaRecord r, Reply reply) {
        SagaDefinition<Object> definition = typed(machine);
        long now = clock.millis();
        long waited = Math.max(0, now - r.updatedAt());
        ActiveSaga a = new ActiveSaga(machine, r, null);
        // The attempt's latency for listeners is the round trip: from the commit that sent the command.
        a.dueNanos = System.nanoTime() - java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(waited);
        Transition transition;
        Object newData = null;
        String stepName;
        boolean compensation = r.state().isCompensating();
        boolean succeeded = reply.succeeded();
        if (compensation) {
            int step = r.completed().get(r.completed().size() - 1);
            stepName = definition.step(step).name();
            transition = reply.succeeded()
                    ? machine.compensationSucceeded(r, step, waited, now)
                    : machine.compensationFailed(r, step, new StepError(describe(reply), true, false), waited, now);
        } else {
            StepDefinition<Object> step = definition.step(r.stepIndex());
            stepName = step.name();
            if (reply.succeeded()) {
                try {
                    Object data = a.data();
                    Object after = step.onReply() == null ? data : step.onReply().apply(data, reply);
                    Object kept = after == null ? data : after;
                    String json = kept == data ? r.data() : Json.encode(kept, "saga " + r.id());
                    newData = kept;
                    transition = machine.stepSucceeded(r, r.stepIndex(), json, i -> definition.step(i).runsFor(kept),
                            waited, now);
                } catch (Exception e) {
                    newData = null;
                    succeeded = false;
                    transition = machine.stepFailed(r, r.stepIndex(), StepError.unknownOutcome(
                            "the reply came, but folding it into the data failed: " + e), waited, now);
                }
            } else {
                boolean retryable = reply.outcome() == Reply.Outcome.RETRYABLE_FAILURE;
                transition = machine.stepFailed(r, r.stepIndex(), new StepError(describe(reply), retryable, false), waited, now);
            }
        }
        active.put(r.id(), a);
        return record(a, transition, newData, new Attempt(stepName, compensation, succeeded));
    }

    private static String describe(Reply reply) {
        return "reply " + reply.outcome().headerValue() + (reply.failure() == null ? "" : ": " + reply.failure());
    }

    private String currentStepName(ActiveSaga a) {
        SagaRecord r = a.record;
        int index = r.state().isCompensating() ? r.completed().get(r.completed().size() - 1) : r.stepIndex();
        return definitionOf(a).step(index).name();
    }

    @SuppressWarnings("unchecked")
    private static SagaDefinition<Object> typed(SagaStateMachine machine) {
        return (SagaDefinition<Object>) machine.definition();
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

    /** The attempt's time limit: the step's timeout, cut short by the saga deadline while it still applies. */
    private Long attemptTimeout(SagaRecord r, SagaDefinition<Object> definition, StepDefinition<Object> step) {
        Long limit = step.timeout() == null ? null : step.timeout().toMillis();
        if (r.deadlineAt() != null && r.stepIndex() < definition.pointOfNoReturn()) {
            long left = Math.max(1, r.deadlineAt() - clock.millis());
            limit = limit == null ? left : Math.min(limit, left);
        }
        return limit;
    }

    private Object call(Callable<Object> body, Long timeoutMillis) throws Throwable {
        if (timeoutMillis == null) {
            return body.call();
        }
        FutureTask<Object> task = new FutureTask<>(body);
        threads.execute(task);
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        }
    }

    private StepContext context(ActiveSaga a, String stepName, int attempt) {
        return new StepContext(a.id, stepName, attempt, StepContext.idempotencyKey(a.id, stepName),
                a.record.correlationId());
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

    private record Attempt(String step, boolean compensation, boolean succeeded) {
    }
}
