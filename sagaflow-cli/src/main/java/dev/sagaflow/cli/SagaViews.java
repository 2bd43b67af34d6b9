package dev.sagaflow.cli;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A saga's row and history as an operator reads them, without the saga's Java definition: step
 * names come from the history (each forward step leaves an entry, in step order).
 */
final class SagaViews {
    /** Entries of forward steps: their order of first appearance is the steps' order. */
    private static final Set<HistoryEventType> FORWARD = EnumSet.of(HistoryEventType.STEP_SUCCEEDED,
            HistoryEventType.STEP_FAILED, HistoryEventType.STEP_SKIPPED, HistoryEventType.RETRY_SCHEDULED,
            HistoryEventType.STEP_RESUMED, HistoryEventType.STEP_FLAGGED, HistoryEventType.WAIT_STARTED,
            HistoryEventType.TIMER_FIRED, HistoryEventType.SIGNAL_RECEIVED, HistoryEventType.SIGNAL_TIMED_OUT);

    private SagaViews() {
    }

    /** The fields of a list row, for JSON. */
    static Map<String, Object> summary(SagaRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("sagaName", r.sagaName());
        m.put("sagaVersion", r.sagaVersion());
        m.put("state", r.state().name());
        m.put("flag", r.flag());
        m.put("idempotencyKey", r.idempotencyKey());
        m.put("correlationId", r.correlationId());
        m.put("attempts", r.attemptsMade());
        m.put("createdAt", Rendering.time(r.createdAt()));
        m.put("updatedAt", Rendering.time(r.updatedAt()));
        m.put("nextWakeAt", Rendering.time(r.wakeAt()));
        m.put("version", r.version());
        return m;
    }

    /** Step names by index, as far as the history tells. */
    static List<String> stepNames(List<HistoryEvent> history) {
        List<String> names = new ArrayList<>();
        for (HistoryEvent e : history) {
            if (FORWARD.contains(e.type()) && e.step() != null && !names.contains(e.step())) {
                names.add(e.step());
            }
            if (e.type() == HistoryEventType.COMMAND_SENT && e.step() != null && e.detail() != null
                    && !e.detail().startsWith("compensation: ") && !names.contains(e.step())) {
                names.add(e.step());
            }
        }
        return names;
    }

    private static String name(List<String> names, int index) {
        return index < names.size() ? "'" + names.get(index) + "' (step " + (index + 1) + ")" : "step " + (index + 1);
    }

    /** Where the saga stands, in a sentence: the step due, running, waiting or being compensated. */
    static String standing(SagaRecord r, List<HistoryEvent> history) {
        List<String> names = stepNames(history);
        SagaState state = r.state();
        if (state.isTerminal()) {
            return "ended " + state;
        }
        if (state.isCompensating()) {
            if (r.toCompensate().isEmpty()) {
                return "compensating, nothing left to compensate";
            }
            int top = r.toCompensate().getLast();
            return "compensating " + name(names, top) + ", " + r.attemptsMade() + " attempt(s) failed so far; "
                    + (r.toCompensate().size() - 1) + " more to compensate after it";
        }
        return (state == SagaState.WAITING ? "waiting at " : "at ") + name(names, r.stepIndex())
                + (r.attemptsMade() > 0 ? ", " + r.attemptsMade() + " attempt(s) failed so far" : "")
                + (r.outcomeUnknown() ? "; the outcome of an attempt is unknown" : "");
    }

    /** What the saga waits for, or null. */
    static String waits(SagaRecord r, long now) {
        SagaRecord.Wait w = r.await();
        String due = r.wakeAt() == null ? null : Rendering.time(r.wakeAt())
                + (r.wakeAt() > now ? " (in " + Rendering.duration(Duration.ofMillis(r.wakeAt() - now)) + ")" : " (due now)");
        if (w == null) {
            return r.state().isTerminal() ? null : due == null ? "nothing" : "runnable since " + due;
        }
        return switch (w.kind()) {
            case RETRY -> "a retry, due " + due;
            case REPLY -> "the reply to message " + w.key() + ", until " + due;
            case TIMER -> "a timer, due " + due;
            case SIGNAL -> "signal '" + w.key() + "'" + (w.dueAt() == null ? " (no timeout)" : ", until " + due);
            case CHILDREN -> "its child sagas to end";
        };
    }

    /** The last failure in the history (a step's or a compensation's), or null. */
    static HistoryEvent lastFailure(List<HistoryEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEvent e = history.get(i);
            if (e.type() == HistoryEventType.STEP_FAILED || e.type() == HistoryEventType.COMPENSATION_FAILED) {
                return e;
            }
        }
        return null;
    }

    /** The first {@code lines} lines of a kept stack trace, indented under a label, or null without one. */
    static String stackHead(HistoryEvent e, int lines) {
        if (e == null || e.stackTrace() == null) {
            return null;
        }
        List<String> all = e.stackTrace().lines().map(String::strip).toList();
        String head = String.join("\n           ", all.subList(0, Math.min(lines, all.size())));
        return all.size() > lines ? head + "\n           … (sagaflow saga history --stack-traces)" : head;
    }

    /** One history entry for JSON. */
    static Map<String, Object> event(HistoryEvent e, HistoryEvent first) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", Rendering.time(e.at()));
        m.put("sinceStartMillis", first == null ? 0 : Duration.between(first.at(), e.at()).toMillis());
        m.put("type", e.type().name());
        m.put("step", e.step());
        m.put("attempt", e.attempt());
        m.put("durationMillis", e.duration().toMillis());
        m.put("detail", e.detail());
        m.put("stackTrace", e.stackTrace());
        return m;
    }
}
