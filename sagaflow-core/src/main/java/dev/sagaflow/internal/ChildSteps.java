package dev.sagaflow.internal;

import dev.sagaflow.Branch;
import dev.sagaflow.ChildSagas;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepDefinition;
import dev.sagaflow.internal.Joins.Child;
import dev.sagaflow.internal.Joins.Status;
import dev.sagaflow.internal.Joins.StepJoin;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.StoreWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The runner's steps that start child sagas (parallel blocks, fan-outs, sub-sagas): starts the
 * children with the parent's transition, folds their ends from the parent's inbox, and undoes them
 * when the join fails or the parent compensates the step. Every change to the children is written
 * in the same transaction as the parent's transition that decides it: a child's row, a cancel sent to
 * it, a completed child reopened to be compensated. Runs on the runner's virtual threads.
 */
final class ChildSteps {
    private static final Logger log = LoggerFactory.getLogger(ChildSteps.class);
    /** Longest saga id the stores hold. */
    private static final int MAX_ID = 64;

    private final SagaRunner runner;
    private final SagaStore store;
    private final BoundedReads reads;
    private final Clock clock;
    private final int maxDataChars;
    private final Registry registry;

    ChildSteps(SagaRunner runner, SagaStore store, BoundedReads reads, Clock clock, int maxDataChars, Registry registry) {
        this.runner = runner;
        this.store = store;
        this.reads = reads;
        this.clock = clock;
        this.maxDataChars = maxDataChars;
        this.registry = registry;
    }

    /** The step is reached: its children are made from the data, and as many as may run are started. */
    void start(ActiveSaga a, int index) {
        SagaRecord r = a.record;
        StepDefinition<Object> step = definitionOf(a).step(index);
        ChildSagas<Object> children = step.children();
        long now = clock.millis();
        StepJoin join = new StepJoin();
        try {
            List<ChildSagas.Input> inputs = children.inputs(a.data());
            for (int i = 0; i < inputs.size(); i++) {
                ChildSagas.Input input = inputs.get(i);
                Child c = new Child();
                c.branch = input.branch();
                c.id = childId(r.id() + pass(r), index, i);
                c.saga = input.definition().name();
                c.version = input.definition().version();
                c.status = Status.PENDING;
                c.data = Json.storable(input.data(), input.definition().dataType(), "the input of child saga " + c.id
                        + " (branch '" + c.branch + "' of step '" + step.name() + "')", maxDataChars).json();
                join.children.add(c);
            }
        } catch (Throwable e) {
            // The list or the inputs come from the user's functions: what they throw fails the step.
            log.warn("saga {}: the children of step '{}' could not be made: {}", r.id(), step.name(), e.toString());
            runner.record(a, a.machine.stepFailed(r, index, StepError.of(e, false), 0, now), null, null);
            return;
        }
        Joins joins = Joins.read(r.progress().joins(), r.id());
        joins.steps.put(index, join);
        settle(a, index, joins, new ArrayList<>(), List.of(), null, Phase.STARTING, 0);
    }

    /** The saga compensates the step: every child it kept (or that still runs) is undone. */
    void undo(ActiveSaga a, int index) {
        SagaRecord r = a.record;
        Joins joins = Joins.read(r.progress().joins(), r.id());
        StepJoin join = joins.steps.get(index);
        long now = clock.millis();
        if (join == null) {
            // The step's children were never written (a cancel or deadline came before): nothing to undo.
            runner.record(a, a.machine.compensationSucceeded(r, index, 0, now), null, null);
            return;
        }
        int undone = JoinRules.undoAll(join);
        List<JoinNote> notes = new ArrayList<>();
        settle(a, index, joins, notes, List.of(), null, Phase.UNDOING, undone);
    }

    /** Children's ends are in the inbox: folded in, all at once, and the join moved on. */
    void fold(ActiveSaga a, List<SignalRecord> ends, Inbox inbox) {
        SagaRecord r = a.record;
        int index = r.state().isCompensating() ? r.toCompensate().getLast() : r.stepIndex();
        StepDefinition<Object> step = index < definitionOf(a).steps().size() ? definitionOf(a).step(index) : null;
        Joins joins = Joins.read(r.progress().joins(), r.id());
        StepJoin join = step == null || !step.startsChildren() ? null : joins.steps.get(index);
        List<JoinNote> notes = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        for (SignalRecord end : ends) {
            consumed.add(end.signalId());
            Map<?, ?> told = Json.decode(end.payload(), Map.class, "the end of a child of saga " + r.id());
            String id = String.valueOf(told.get("child"));
            Child c = join == null ? null : join.child(id);
            SagaState state = SagaState.valueOf(String.valueOf(told.get("state")));
            if (c == null) {
                notes.add(note(HistoryEventType.CHILD_ENDED, "saga " + id + " ended " + state
                        + ", but it is not a child this step waits for; ignored"));
                continue;
            }
            Status status = switch (state) {
                case COMPLETED -> Status.COMPLETED;
                case CANCELLED -> Status.CANCELLED;
                default -> Status.FAILED;
            };
            String data = told.get("data") == null ? null : String.valueOf(told.get("data"));
            Double score = status == Status.COMPLETED ? score(a, step, c, data) : null;
            JoinRules.ended(join, c, status, data, score);
            Object failure = told.get("failure");
            notes.add(note(HistoryEventType.CHILD_ENDED, "branch '" + c.branch + "' (saga " + c.id + ") " + state
                    + (score == null ? "" : ", score " + score) + (failure == null || status == Status.COMPLETED ? "" : ": " + failure)));
        }
        if (join == null) {
            runner.recordConsuming(a, a.machine.inboxSeen(r, inbox.received(), clock.millis()), null, consumed);
            return;
        }
        settle(a, index, joins, notes, consumed, inbox.received(), Phase.WAITING, 0);
    }

    private enum Phase { STARTING, WAITING, UNDOING }

    /**
     * Decides the join if it can be, starts the children whose turn came, sends the cancels and
     * reopenings it calls for, and writes the one transition that says so: still waiting, or the
     * step's end (succeeded with the kept children merged, failed, or compensated).
     */
    private void settle(ActiveSaga a, int index, Joins joins, List<JoinNote> notes, List<String> consumed, Long seen,
                        Phase phase, int undone) {
        SagaRecord r = a.record;
        StepDefinition<Object> step = definitionOf(a).step(index);
        ChildSagas<Object> children = step.children();
        StepJoin join = joins.step(index);
        long now = clock.millis();
        List<StoreWrite> members = new ArrayList<>();
        List<SignalRecord> deliveries = new ArrayList<>();
        List<Runnable> onApplied = new ArrayList<>();
        List<String> started = new ArrayList<>();
        while (true) {
            String decided = JoinRules.decide(join, children.join());
            if (decided != null) {
                notes.add(note(HistoryEventType.JOIN_DECIDED, decided));
            }
            List<Child> due = JoinRules.toStart(join, children.maxConcurrency());
            boolean endedAtOnce = false;
            for (Child c : due) {
                endedAtOnce |= startChild(r, step, index, join, c, now, members, onApplied, notes);
                started.add(c.id);
            }
            if (!endedAtOnce) {
                break;
            }
        }
        for (Child c : JoinRules.toCancel(join)) {
            c.undoSent = true;
            deliveries.add(cancelOf(r, step, c, now));
        }
        for (Child c : JoinRules.toCompensate(join, children.undoInParallel())) {
            c.undoSent = true;
            reopen(r, step, join, c, now, members, deliveries, onApplied, notes);
        }
        String whose = "saga " + r.id();
        Transition transition;
        Object newData = null;
        if (JoinRules.settled(join)) {
            if (join.compensating) {
                joins.steps.remove(index);
                transition = then(a.machine.childrenProgressed(withWait(r), index, joins.write(whose), notes, now),
                        t -> a.machine.compensationSucceeded(t, index, 0, now));
            } else if ("SUCCEEDED".equals(join.outcome)) {
                Merged merged;
                try {
                    merged = merge(a, step, join);
                } catch (Throwable e) {
                    // The children completed but their data could not be folded in: the step's outcome
                    // is unknown, so it is compensated with the saga (its children undone).
                    log.warn("saga {}: merging the children of step '{}' failed: {}", r.id(), step.name(), e.toString());
                    StepError unknown = StepError.unknownOutcome("the children completed, but merging them failed: " + e, e);
                    transition = then(a.machine.childrenProgressed(withWait(r), index, joins.write(whose), notes, now),
                            t -> a.machine.stepFailed(t, index, unknown, 0, now));
                    write(a, transition, null, consumed, seen, new SagaRunner.ChildWrites(members, deliveries, onApplied));
                    return;
                }
                join.children.forEach(c -> c.data = null);
                newData = merged.data();
                String json = merged.json();
                transition = then(a.machine.childrenProgressed(withWait(r), index, joins.write(whose), notes, now),
                        t -> a.machine.stepSucceeded(t, index, json, Conditions.of(definitionOf(a), merged.data()), 0, now));
            } else {
                joins.steps.remove(index);
                StepError failed = new StepError("join " + children.join() + " failed: " + join.reason, false, false,
                        "join", null);
                transition = then(a.machine.childrenProgressed(withWait(r), index, joins.write(whose), notes, now),
                        t -> a.machine.stepFailed(t, index, failed, 0, now));
            }
        } else {
            String json = joins.write(whose);
            transition = switch (phase) {
                case STARTING -> a.machine.childrenStarted(r, index, json, "started " + started.size() + " of "
                        + join.children.size() + " child saga(s), join " + children.join() + ": " + list(started), now);
                case UNDOING -> a.machine.childrenUndoStarted(r, index, json, "undoing " + undone
                        + " child saga(s) of the step, " + (children.undoInParallel() ? "all at once" : "latest completed first"), now);
                case WAITING -> a.machine.childrenProgressed(r, index, json, notes, now);
            };
            if (phase != Phase.WAITING && !notes.isEmpty()) {
                transition = then(transition, t -> a.machine.childrenProgressed(t, index, json, notes, now));
            }
        }
        write(a, transition, newData, consumed, seen, new SagaRunner.ChildWrites(members, deliveries, onApplied));
    }

    /** Commits the transition with what it does to the children; {@code seen}: the inbox count it read, if it read one. */
    private void write(ActiveSaga a, Transition transition, Object newData, List<String> consumed, Long seen,
                       SagaRunner.ChildWrites children) {
        runner.recordWithChildren(a, seen == null ? transition : WaitingSteps.seen(transition, seen), newData, consumed,
                children);
    }

    /** Starts one child: its row, stamped for this node, joins the parent's write; true if it ended at once. */
    private boolean startChild(SagaRecord parent, StepDefinition<Object> step, int index, StepJoin join, Child c, long now,
                               List<StoreWrite> members, List<Runnable> onApplied, List<JoinNote> notes) {
        SagaStateMachine machine = machineOf(c);
        @SuppressWarnings("unchecked")
        SagaDefinition<Object> definition = (SagaDefinition<Object>) machine.definition();
        Object input = Json.decode(c.data, definition.dataType(), "the input of child saga " + c.id);
        Long deadlineAt = definition.deadline().map(d -> now + d.toMillis()).orElse(null);
        SagaRecord initial = SagaRecord.newInstance(c.id, c.saga, c.version,
                parent.id() + pass(parent) + "/" + step.name() + "/" + c.branch,
                parent.correlationId(), c.data, now, deadlineAt, parent.identity().startContext(), parent.id());
        Transition first = machine.start(initial, Conditions.of(definition, input), now,
                "child of saga " + parent.id() + ", step '" + step.name() + "', branch '" + c.branch + "'");
        SagaRecord row = runner.stamp(first.next(), 0, now, true);
        members.add(new StoreWrite.Insert(row, first.history()));
        c.status = Status.RUNNING;
        if (row.state().isTerminal()) {
            // Every step of it was skipped: it ended with its start, and is folded in at once.
            JoinRules.ended(join, c, row.state() == SagaState.COMPLETED ? Status.COMPLETED : Status.FAILED, row.data(),
                    null);
            notes.add(note(HistoryEventType.CHILD_ENDED, "branch '" + c.branch + "' (saga " + c.id + ") " + row.state()
                    + " at its start"));
            return true;
        }
        onApplied.add(() -> runner.activate(machine, row, input));
        return false;
    }

    /** A running child to be undone: a cancel in its inbox, written with the parent's transition. */
    private static SignalRecord cancelOf(SagaRecord parent, StepDefinition<Object> step, Child c, long now) {
        String reason = "its parent saga " + parent.id() + " undoes step '" + step.name() + "'";
        return new SignalRecord(SignalRecord.CANCEL + ":" + c.id, c.id, SignalRecord.CANCEL,
                Json.encode(Map.of("operator", "saga " + parent.id(), "reason", reason), "a cancel of " + c.id), now);
    }

    /** A completed child to be undone: reopened to compensate, written with the parent's transition. */
    private void reopen(SagaRecord parent, StepDefinition<Object> step, StepJoin join, Child c, long now,
                        List<StoreWrite> members, List<SignalRecord> deliveries, List<Runnable> onApplied,
                        List<JoinNote> notes) {
        Optional<SagaRecord> stored = reads.read(() -> store.find(c.id));
        if (stored.isEmpty()) {
            JoinRules.ended(join, c, Status.CANCELLED, null, null);
            notes.add(note(HistoryEventType.CHILD_ENDED, "branch '" + c.branch + "' (saga " + c.id + ") is gone; nothing to undo"));
            return;
        }
        SagaRecord child = stored.get();
        if (!child.state().isTerminal()) {
            // Not ended after all as far as the store says: it is cancelled like a running one.
            c.status = Status.RUNNING;
            deliveries.add(cancelOf(parent, step, c, now));
            return;
        }
        if (child.state() != SagaState.COMPLETED) {
            JoinRules.ended(join, c, child.state() == SagaState.CANCELLED ? Status.CANCELLED : Status.FAILED, null, null);
            notes.add(note(HistoryEventType.CHILD_ENDED, "branch '" + c.branch + "' (saga " + c.id + ") " + child.state()));
            return;
        }
        SagaStateMachine machine = machineOf(c);
        Transition reopened = machine.reopenForUndo(child, "compensated because its parent saga " + parent.id()
                + " undoes step '" + step.name() + "'", now);
        SagaRecord row = runner.stamp(reopened.next(), child.version(), now, true);
        members.add(new StoreWrite.Update(row, child.version(), reopened.history(),
                row.state().isTerminal() ? runner.withOutcomeEvent(machine, row, Observers.refOf(row), List.of()) : List.of(),
                List.of(), List.of()));
        if (row.state().isTerminal()) {
            // Nothing of it to compensate: it ended undone with this write, and is folded in at once.
            JoinRules.ended(join, c, Status.CANCELLED, null, null);
            notes.add(note(HistoryEventType.CHILD_ENDED, "branch '" + c.branch + "' (saga " + c.id + ") CANCELLED: nothing to compensate"));
            return;
        }
        onApplied.add(() -> runner.activate(machine, row, null));
    }

    private record Merged(Object data, String json) {
    }

    private Merged merge(ActiveSaga a, StepDefinition<Object> step, StepJoin join) throws Exception {
        List<Branch<Object>> kept = new ArrayList<>();
        for (Child c : join.kept()) {
            Object data = Json.decode(c.data, machineOf(c).definition().dataType(), "the data of child saga " + c.id);
            kept.add(new Branch<>(c.branch, data, c.score));
        }
        Object before = a.data();
        Object merged = step.children().merge(before, kept);
        if (merged == before) {
            return new Merged(before, a.record.data());
        }
        Json.Stored stored = Json.storable(merged, definitionOf(a).dataType(), "saga " + a.id + " as step '" + step.name()
                + "' merged its children", maxDataChars);
        return new Merged(stored.copy(), stored.json());
    }

    /** A best-of join's score of a completed child; null (not eligible) when the score function throws. */
    private Double score(ActiveSaga a, StepDefinition<Object> step, Child c, String data) {
        if (step.children().join().kind() != dev.sagaflow.Join.Kind.BEST_OF || data == null) {
            return null;
        }
        try {
            double score = step.children().join().score(Json.decode(data, machineOf(c).definition().dataType(),
                    "the data of child saga " + c.id));
            return Double.isNaN(score) ? null : score;
        } catch (Throwable e) {
            log.warn("saga {}: scoring branch '{}' (saga {}) threw; it is not kept: {}", a.id, c.branch, c.id, e.toString());
            return null;
        }
    }

    private SagaStateMachine machineOf(Child c) {
        return registry.find(c.saga, c.version).orElseThrow(() -> new IllegalStateException(
                "child saga " + c.id + " runs '" + c.saga + "' v" + c.version + ", which this node has not registered"));
    }

    /** The run and pass of a saga that loops or continues as new, so each one's children are children of their own. */
    private static String pass(SagaRecord r) {
        return r.progress().run() == 0 && r.progress().loops() == 0 ? ""
                : "/" + r.progress().run() + "." + r.progress().loops();
    }

    /** Readable while it fits: the parent's id, the step's index and the branch's; else a name-based UUID of that. */
    static String childId(String parentId, int step, int branch) {
        String readable = parentId + "/" + step + "/" + branch;
        return readable.length() <= MAX_ID ? readable
                : UUID.nameUUIDFromBytes(readable.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The row the state machine's children transitions expect: waiting for children (a parent that starts them is). */
    private static SagaRecord withWait(SagaRecord r) {
        return r.await() != null && r.await().kind() == SagaRecord.WaitKind.CHILDREN ? r
                : r.toBuilder().await(new SagaRecord.Wait(SagaRecord.WaitKind.CHILDREN, null, null)).build();
    }

    private static Transition then(Transition first, java.util.function.Function<SagaRecord, Transition> next) {
        Transition second = next.apply(first.next());
        List<dev.sagaflow.HistoryEvent> history = new ArrayList<>(first.history());
        history.addAll(second.history());
        return new Transition(second.next(), history);
    }

    private static JoinNote note(HistoryEventType type, String detail) {
        return new JoinNote(type, detail);
    }

    private static String list(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", … (" + ids.size() + ")";
    }

    @SuppressWarnings("unchecked")
    private static SagaDefinition<Object> definitionOf(ActiveSaga a) {
        return (SagaDefinition<Object>) a.machine.definition();
    }
}
