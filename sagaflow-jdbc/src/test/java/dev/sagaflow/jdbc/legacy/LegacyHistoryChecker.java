package dev.sagaflow.jdbc.legacy;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepDefinition;
import dev.sagaflow.StepKind;
import dev.sagaflow.jdbc.legacy.LegacySagas.Effect;
import dev.sagaflow.jdbc.legacy.LegacySagas.Kind;
import dev.sagaflow.jdbc.legacy.LegacySagas.LegacyData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@code LegacyDatabaseMigrationTest}, written for it and kept free of the engine's
 * own code: an instance's history read back as plain entries must tell a consistent saga, and the
 * calls made in the test's JVM (the {@link LegacySagas#LEDGER}) must be exactly those the history
 * records after the database was opened. Each method returns the problems found, empty when none.
 */
public final class LegacyHistoryChecker {
    private LegacyHistoryChecker() {
    }

    private static final Set<HistoryEventType> ENDS =
            Set.of(HistoryEventType.SAGA_COMPLETED, HistoryEventType.SAGA_FAILED, HistoryEventType.SAGA_CANCELLED);

    /** One instance as read back: from the file with plain SQL, or through the engine. */
    public record Instance(String id, String sagaName, String key, SagaState state, String dataJson,
                           List<HistoryEvent> history) {
        public Instance {
            history = List.copyOf(history);
        }

        public Instance withHistory(List<HistoryEvent> other) {
            return new Instance(id, sagaName, key, state, dataJson, other);
        }

        public Instance withState(SagaState other) {
            return new Instance(id, sagaName, key, other, dataJson, history);
        }

        boolean has(HistoryEventType type) {
            return history.stream().anyMatch(e -> e.type() == type);
        }

        @Override
        public String toString() {
            return key + " (" + id + ", " + state + ")";
        }
    }

    /**
     * An ended instance's history is a consistent saga: numbered 1..n, started once and ended once as
     * its state says; COMPLETED: every step succeeded once, in order, nothing compensated; FAILED or
     * CANCELLED: never past its pivot, and each step that succeeded and has a compensation compensated
     * exactly once, in reverse order of completion, preceded at most by the compensation of the step
     * under way when compensation began (whose outcome was unknown), and nothing else compensated.
     */
    public static List<String> check(Instance instance) {
        List<String> problems = new ArrayList<>();
        SagaDefinition<LegacyData> definition = LegacySagas.definition(instance.sagaName());
        List<HistoryEvent> history = instance.history();
        String who = instance.toString();
        if (instance.state() == null || !instance.state().isTerminal()) {
            problems.add(who + ": not terminal");
            return problems;
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).seq() != i + 1) {
                problems.add(who + ": history entry " + (i + 1) + " has seq " + history.get(i).seq());
                return problems;
            }
        }
        if (history.isEmpty() || history.get(0).type() != HistoryEventType.SAGA_STARTED) {
            problems.add(who + ": history does not begin with SAGA_STARTED");
        }
        List<HistoryEvent> ends = history.stream().filter(e -> ENDS.contains(e.type())).toList();
        HistoryEventType expectedEnd = switch (instance.state()) {
            case COMPLETED -> HistoryEventType.SAGA_COMPLETED;
            case FAILED -> HistoryEventType.SAGA_FAILED;
            default -> HistoryEventType.SAGA_CANCELLED;
        };
        if (ends.size() != 1 || ends.get(0).type() != expectedEnd || history.get(history.size() - 1) != ends.get(0)) {
            problems.add(who + ": ends " + ends.stream().map(HistoryEvent::type).toList() + ", expected one "
                    + expectedEnd + " as the last entry");
        }

        List<String> names = definition.steps().stream().map(StepDefinition::name).toList();
        List<HistoryEvent> compensationStarts = of(history, HistoryEventType.COMPENSATION_STARTED);
        int compensationFrom = compensationStarts.isEmpty() ? Integer.MAX_VALUE : compensationStarts.get(0).seq();
        // Forward progress: each step at most once, in definition order, and only before compensation began.
        List<String> done = new ArrayList<>();
        List<String> succeeded = new ArrayList<>();
        for (HistoryEvent e : history) {
            if (e.type() != HistoryEventType.STEP_SUCCEEDED && e.type() != HistoryEventType.STEP_SKIPPED) {
                continue;
            }
            if (e.seq() > compensationFrom) {
                problems.add(who + ": step '" + e.step() + "' " + e.type() + " after compensation began");
            }
            if (done.contains(e.step())) {
                problems.add(who + ": step '" + e.step() + "' " + e.type() + " twice");
            } else if (!done.isEmpty() && names.indexOf(e.step()) <= names.indexOf(done.get(done.size() - 1))) {
                problems.add(who + ": step '" + e.step() + "' done out of order after " + done);
            }
            done.add(e.step());
            if (e.type() == HistoryEventType.STEP_SUCCEEDED) {
                succeeded.add(e.step());
            }
        }
        List<String> compensated = of(history, HistoryEventType.COMPENSATION_SUCCEEDED).stream().map(HistoryEvent::step).toList();

        if (instance.state() == SagaState.COMPLETED) {
            if (!done.equals(names)) {
                problems.add(who + ": COMPLETED, but the steps done are " + done + ", not " + names);
            }
            if (!compensationStarts.isEmpty() || !compensated.isEmpty()) {
                problems.add(who + ": COMPLETED, but compensation began or ran: " + compensated);
            }
            return problems;
        }

        if (compensationStarts.size() != 1) {
            problems.add(who + ": " + instance.state() + " with " + compensationStarts.size() + " COMPENSATION_STARTED entries");
        }
        if (instance.state() == SagaState.CANCELLED && !instance.has(HistoryEventType.CANCEL_REQUESTED)) {
            problems.add(who + ": CANCELLED without CANCEL_REQUESTED");
        }
        if (instance.state() == SagaState.FAILED && instance.has(HistoryEventType.CANCEL_REQUESTED)) {
            problems.add(who + ": FAILED although a cancel was requested (it should end CANCELLED)");
        }
        for (String step : succeeded) {
            if (definition.steps().get(names.indexOf(step)).kind() != StepKind.COMPENSATABLE) {
                problems.add(who + ": " + instance.state() + " after its " + step + " step (" + definition.steps()
                        .get(names.indexOf(step)).kind() + ") succeeded: past the point of no return it must complete");
            }
        }
        for (HistoryEvent e : of(history, HistoryEventType.COMPENSATION_SUCCEEDED)) {
            if (e.seq() < compensationFrom) {
                problems.add(who + ": '" + e.step() + "' compensated before compensation began");
            }
        }
        List<String> owed = new ArrayList<>();
        for (String step : succeeded) {
            if (definition.steps().get(names.indexOf(step)).hasCompensation()) {
                owed.add(0, step);
            }
        }
        // The step under way when compensation began: the one after the last step done.
        int current = done.isEmpty() ? 0 : names.indexOf(done.get(done.size() - 1)) + 1;
        List<String> withCurrent = new ArrayList<>(owed);
        if (current < names.size() && definition.steps().get(current).hasCompensation()) {
            withCurrent.add(0, names.get(current));
        }
        if (!compensated.equals(owed) && !compensated.equals(withCurrent)) {
            problems.add(who + ": compensations " + compensated + ", expected " + owed
                    + (withCurrent.equals(owed) ? "" : " or " + withCurrent) + " (reverse order of completion; "
                    + "each completed step exactly once)");
        }
        return problems;
    }

    /**
     * The calls the test's JVM made for the instance (the ledger) are exactly the successes the
     * history recorded after {@code historyBefore}, the history size the file held: each effect
     * recorded once, none done twice, none lost.
     */
    public static List<String> checkLedger(Instance after, int historyBefore, Collection<Effect> effects) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> recorded = new HashMap<>();
        for (HistoryEvent e : after.history()) {
            if (e.seq() <= historyBefore) {
                continue;
            }
            if (e.type() == HistoryEventType.STEP_SUCCEEDED) {
                recorded.merge(Kind.ACTION + " " + e.step(), 1L, Long::sum);
            } else if (e.type() == HistoryEventType.COMPENSATION_SUCCEEDED) {
                recorded.merge(Kind.COMPENSATION + " " + e.step(), 1L, Long::sum);
            }
        }
        Map<String, Long> made = effects.stream().filter(e -> e.sagaId().equals(after.id()))
                .collect(Collectors.groupingBy(e -> e.kind() + " " + e.step(), LinkedHashMap::new, Collectors.counting()));
        if (!made.equals(recorded)) {
            problems.add(after + ": calls made " + made + ", but the history recorded " + recorded
                    + " after its first " + historyBefore + " entries");
        }
        return problems;
    }

    private static List<HistoryEvent> of(List<HistoryEvent> history, HistoryEventType type) {
        return history.stream().filter(e -> e.type() == type).toList();
    }
}
