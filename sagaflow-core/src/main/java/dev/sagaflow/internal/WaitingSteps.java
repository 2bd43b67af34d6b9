package dev.sagaflow.internal;

import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.SagaDataException;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepDefinition;
import dev.sagaflow.WaitDefinition;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SignalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The runner's waiting steps and inbox: starts timers and signal waits, fires due timers, and reads an
 * instance's inbox to apply an operator's request, take the awaited signal, or time the wait out.
 * Runs on the runner's virtual threads, never on the commit thread; each outcome is one transition,
 * committed by the runner with the inbox entries it consumed.
 */
final class WaitingSteps {
    private static final Logger log = LoggerFactory.getLogger(WaitingSteps.class);

    private final SagaRunner runner;
    private final SagaStore store;
    private final BoundedReads reads;
    private final Clock clock;
    private final int maxDataChars;

    WaitingSteps(SagaRunner runner, SagaStore store, BoundedReads reads, Clock clock, int maxDataChars) {
        this.runner = runner;
        this.store = store;
        this.reads = reads;
        this.clock = clock;
        this.maxDataChars = maxDataChars;
    }

    /** A timer step is reached: its due time goes into the row, and the instance is handed back until then. */
    void startTimer(ActiveSaga a, int stepIndex) {
        SagaRecord r = a.record;
        WaitDefinition<Object> wait = definitionOf(a).step(stepIndex).waitFor();
        long now = clock.millis();
        long due;
        try {
            due = wait.sleep() != null ? now + wait.sleep().toMillis() : wait.sleepUntil().apply(a.data()).toEpochMilli();
        } catch (Throwable e) {
            // The due time comes from the user's function: what it throws fails the step like a call's error.
            runner.record(a, a.machine.stepFailed(r, stepIndex, StepError.of(e, false), 0, now), null, null);
            return;
        }
        runner.record(a, a.machine.waitStarted(r, stepIndex, due, r.signals().seen(), now), null, null);
    }

    void fireTimer(ActiveSaga a) {
        SagaRecord r = a.record;
        long now = clock.millis();
        Transition fired;
        try {
            fired = a.machine.timerFired(r, conditionsFor(a, a.data()), now);
        } catch (Conditions.ConditionFailed e) {
            fired = a.machine.stepFailed(r, r.stepIndex(), StepError.of(e.getCause(), false), 0, now);
        }
        runner.record(a, fired, null, null);
    }

    /**
     * Reads the inbox and makes one transition of it: an operator's request first (in delivery order:
     * cancel, retry, skip, resolve; applied, or refused in the history with who asked and why),
     * then the signal the instance awaits (one that came before the wait's timeout), then the
     * timeout, the start of the wait, or only the note that the inbox was seen.
     */
    void checkInbox(ActiveSaga a) {
        a.inboxChanged = false;
        SagaRecord r = a.record;
        Inbox inbox = reads.read(() -> store.inbox(r.id()));
        long now = clock.millis();
        for (SignalRecord entry : inbox.pending()) {
            if (entry.isRequest()) {
                applyRequest(a, r, entry, inbox, now);
                return;
            }
        }
        List<SignalRecord> childEnds = inbox.pending().stream()
                .filter(entry -> SignalRecord.CHILD_ENDED.equals(entry.name())).toList();
        if (!childEnds.isEmpty()) {
            runner.children().fold(a, childEnds, inbox);
            return;
        }
        SagaDefinition<Object> definition = definitionOf(a);
        StepDefinition<Object> step = r.stepIndex() < definition.steps().size() ? definition.step(r.stepIndex()) : null;
        if (step != null && step.isWait() && step.waitFor().isSignal() && a.machine.awaitsSignal(r, step.waitFor().signalName())) {
            SagaRecord.Wait wait = r.await();
            for (SignalRecord entry : inbox.pending()) {
                if (entry.name().equals(step.waitFor().signalName())
                        && (wait == null || wait.dueAt() == null || entry.receivedAt() <= wait.dueAt())) {
                    receive(a, r, step, entry, inbox, now);
                    return;
                }
            }
            if (wait != null && wait.dueAt() != null && wait.dueAt() <= now) {
                runner.record(a, seen(a.machine.signalTimedOut(r, now), inbox.received()), null, null);
                return;
            }
            if (wait == null) {
                Long due = step.waitFor().timeout() == null ? null : now + step.waitFor().timeout().toMillis();
                runner.record(a, a.machine.waitStarted(r, r.stepIndex(), due, inbox.received(), now), null, null);
                return;
            }
        }
        runner.record(a, a.machine.inboxSeen(r, inbox.received(), now), null, null);
    }

    private void receive(ActiveSaga a, SagaRecord r, StepDefinition<Object> step, SignalRecord signal, Inbox inbox,
                         long now) {
        SagaDefinition<Object> definition = definitionOf(a);
        String whose = "signal '" + signal.name() + "' (id " + signal.signalId() + ") of saga " + r.id();
        try {
            Object payload = Json.decode(signal.payload(), definition.signals().get(signal.name()), whose);
            Object data = a.data();
            Object returned = step.waitFor().handler().apply(data, payload);
            Object kept = returned == null ? data : returned;
            String json = r.data();
            if (kept != data) {
                Json.Stored stored = Json.storable(kept, definition.dataType(), "saga " + r.id() + " as " + whose
                        + " left it", maxDataChars);
                json = stored.json();
                kept = stored.copy();
            }
            Transition received = a.machine.signalReceived(r, signal, json, conditionsFor(a, kept), inbox.received(), now);
            runner.recordConsuming(a, received, kept, List.of(signal.signalId()));
        } catch (Throwable e) {
            log.warn("saga {}: {} refused; the wait goes on: {}", r.id(), whose, e.toString());
            // Another entry (a second signal of this name) is left to be looked at, not marked seen.
            Transition refused = seen(a.machine.signalRefused(r, signal, StoredText.clean(e.toString()), now),
                    inbox.pending().size() > 1 ? r.signals().seen() : inbox.received());
            runner.recordConsuming(a, refused, null, List.of(signal.signalId()));
        }
    }

    private void applyRequest(ActiveSaga a, SagaRecord r, SignalRecord request, Inbox inbox, long now) {
        // Other entries (more requests, a signal the wait is to take) are left to be looked at next.
        long seen = inbox.pending().size() > 1 ? r.signals().seen() : inbox.received();
        String detail = describe(request);
        Transition applied;
        try {
            applied = switch (request.name()) {
                case SignalRecord.CANCEL -> a.machine.cancel(r, now, detail);
                case SignalRecord.RETRY -> a.machine.retry(r, now, detail);
                case SignalRecord.SKIP -> a.machine.skipCompensation(r, now, detail, number(request, "step"),
                        number(request, "left"));
                case SignalRecord.RESOLVE -> a.machine.resolve(r, outcome(request), now, detail);
                default -> throw new IllegalSagaStateException("unknown request '" + request.name()
                        + "' (sent by a newer client?)");
            };
        } catch (IllegalSagaStateException | IllegalArgumentException | SagaDataException refused) {
            // A request the state does not allow, or one whose payload does not read: refused in the
            // history, and the saga goes on as it was.
            log.info("saga {}: {} refused: {}", r.id(), request.requestKind(), refused.getMessage());
            applied = a.machine.requestRefused(r, request, refused.getMessage() + "; " + detail, seen, now);
        }
        runner.recordConsuming(a, seen(applied, seen), null, List.of(request.signalId()));
    }

    /**
     * Who asked and why, from a request's payload, and the request's id (in brackets, so a client can
     * find what became of its request: {@code SagaClient.requestOutcome}).
     */
    private static String describe(SignalRecord request) {
        String id = " " + Requests.tag(request.signalId());
        try {
            Map<?, ?> body = Json.decode(request.payload(), Map.class, "request " + request.signalId());
            Object by = body.get("operator");
            Object reason = body.get("reason");
            return "requested by " + (by == null ? "an operator" : by) + (reason == null ? "" : ": " + reason) + id;
        } catch (RuntimeException e) {
            return "requested by an operator" + id;
        }
    }

    /** A whole number in the request's payload, or null when it has none. */
    private static Integer number(SignalRecord request, String field) {
        Object value = Json.decode(request.payload(), Map.class, "request " + request.signalId()).get(field);
        return value instanceof Number n ? n.intValue() : null;
    }

    /** The terminal state a resolve request asks for: its payload's {@code outcome}, FAILED by default. */
    private static SagaState outcome(SignalRecord request) {
        Map<?, ?> body = Json.decode(request.payload(), Map.class, "request " + request.signalId());
        Object outcome = body.get("outcome");
        try {
            return outcome == null ? SagaState.FAILED : SagaState.valueOf(outcome.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome '" + outcome + "' is not a state; FAILED or COMPLETED");
        }
    }

    /** {@code t}, its row marked as having seen the inbox up to {@code received} entries. */
    static Transition seen(Transition t, long received) {
        SagaRecord next = t.next();
        return new Transition(next.toBuilder().signalsSeen(Math.max(received, next.signals().seen())).build(), t.history());
    }

    private static IntPredicate conditionsFor(ActiveSaga a, Object data) {
        return Conditions.of(definitionOf(a), data);
    }

    @SuppressWarnings("unchecked")
    private static SagaDefinition<Object> definitionOf(ActiveSaga a) {
        return (SagaDefinition<Object>) a.machine.definition();
    }
}
