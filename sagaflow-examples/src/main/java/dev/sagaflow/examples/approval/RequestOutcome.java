package dev.sagaflow.examples.approval;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SignalRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the store says became of one request: its state, the decision in its data, and from its
 * history and inbox which waits timed out, how many signals each wait took, and which signals sit
 * unconsumed in its inbox with when they came.
 *
 * @param managerTimedOutAt  the manager wait's due time when it timed out, else {@code null}
 * @param directorTimedOutAt the director wait's due time when it timed out, else {@code null}
 * @param received           SIGNAL_RECEIVED entries per waiting step
 * @param unconsumed         signal id to the time it was delivered, for signals never taken
 */
public record RequestOutcome(SagaState state, String decision, String decidedBy, Long managerTimedOutAt,
                             Long directorTimedOutAt, Map<String, Integer> received, Map<String, Long> unconsumed) {
    private static final Pattern DUE = Pattern.compile("not received by (\\S+?)(;|$)");

    public static RequestOutcome of(SagaInstance instance, Inbox inbox) {
        PurchaseRequest data = instance.data(PurchaseRequest.class);
        Long managerDue = null;
        Long directorDue = null;
        Map<String, Integer> received = new HashMap<>();
        for (HistoryEvent e : instance.history()) {
            if (e.type() == HistoryEventType.SIGNAL_RECEIVED) {
                received.merge(e.step(), 1, Integer::sum);
            } else if (e.type() == HistoryEventType.SIGNAL_TIMED_OUT) {
                long due = dueAt(e);
                if (PurchaseRequestSaga.MANAGER_STEP.equals(e.step())) {
                    managerDue = due;
                } else if (PurchaseRequestSaga.DIRECTOR_STEP.equals(e.step())) {
                    directorDue = due;
                }
            }
        }
        Map<String, Long> unconsumed = new HashMap<>();
        if (inbox != null) {
            for (SignalRecord s : inbox.pending()) {
                unconsumed.put(s.signalId(), s.receivedAt());
            }
        }
        return new RequestOutcome(instance.state(), data.decision(), data.decidedBy(), managerDue, directorDue,
                Map.copyOf(received), Map.copyOf(unconsumed));
    }

    private static long dueAt(HistoryEvent e) {
        Matcher m = e.detail() == null ? null : DUE.matcher(e.detail());
        return m != null && m.find() ? Instant.parse(m.group(1)).toEpochMilli() : e.at().toEpochMilli();
    }

    public int receivedAt(String step) {
        return received.getOrDefault(step, 0);
    }

    public boolean managerTimedOut() {
        return managerTimedOutAt != null;
    }

    public boolean directorTimedOut() {
        return directorTimedOutAt != null;
    }

    /** The fate its state and data show, or {@code null} when they fit none. */
    public ApprovalPlan.Fate fate() {
        if (state == SagaState.COMPLETED && PurchaseRequest.APPROVED.equals(decision)) {
            return ApprovalPlan.Fate.APPROVED;
        }
        if (state == SagaState.FAILED && PurchaseRequest.REJECTED.equals(decision)) {
            return ApprovalPlan.Fate.REJECTED;
        }
        if (state == SagaState.FAILED && decision == null && directorTimedOut()) {
            return ApprovalPlan.Fate.TIMED_OUT;
        }
        return null;
    }

    static List<String> waitSteps() {
        return List.of(PurchaseRequestSaga.MANAGER_STEP, PurchaseRequestSaga.DIRECTOR_STEP);
    }
}
