package dev.sagaflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sagaflow.SagaState;
import dev.sagaflow.choreography.ChoreographyDefinition;
import dev.sagaflow.choreography.ChoreographyDefinition.Role;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the tracker has seen of one choreographed saga: a set of facts, so events may come twice
 * and in any order and the state is the same. Stored as the instance's data.
 *
 * @param started     the start event was seen
 * @param payload     the start event's body (null until it was seen)
 * @param succeeded   steps whose success event was seen
 * @param failedStep  the step whose failure event was seen first, or null
 * @param compensated steps whose compensation event was seen
 * @param overdue     the deadline passed before the saga ended
 * @param unexpected  events the chain does not allow at that point (a compensation nobody owed, a
 *                    second failure); counted and kept in the history, never acted on
 */
public record TrackedProgress(boolean started, JsonNode payload, SortedSet<Integer> succeeded, Integer failedStep,
                              SortedSet<Integer> compensated, boolean overdue, int unexpected) {

    public static final TrackedProgress NONE = new TrackedProgress(false, null, new TreeSet<>(), null, new TreeSet<>(),
            false, 0);

    public TrackedProgress {
        succeeded = new TreeSet<>(succeeded);
        compensated = new TreeSet<>(compensated);
    }

    /** The progress with one more event in it; equal to this one when the event adds nothing (a duplicate). */
    public TrackedProgress with(Role role, JsonNode body) {
        return switch (role.kind()) {
            case STARTED -> started ? this
                    : new TrackedProgress(true, body, succeeded, failedStep, compensated, overdue, unexpected);
            case SUCCEEDED -> {
                if (succeeded.contains(role.step())) {
                    yield this;
                }
                TreeSet<Integer> more = new TreeSet<>(succeeded);
                more.add(role.step());
                yield new TrackedProgress(started, payload, more, failedStep, compensated, overdue, unexpected);
            }
            case FAILED -> failedStep != null && failedStep == role.step() ? this
                    : failedStep != null ? withUnexpected()
                    : new TrackedProgress(started, payload, succeeded, role.step(), compensated, overdue, unexpected);
            case COMPENSATED -> {
                if (compensated.contains(role.step())) {
                    yield this;
                }
                TreeSet<Integer> more = new TreeSet<>(compensated);
                more.add(role.step());
                yield new TrackedProgress(started, payload, succeeded, failedStep, more, overdue, unexpected);
            }
        };
    }

    public TrackedProgress withUnexpected() {
        return new TrackedProgress(started, payload, succeeded, failedStep, compensated, overdue, unexpected + 1);
    }

    public TrackedProgress markOverdue() {
        return new TrackedProgress(started, payload, succeeded, failedStep, compensated, true, unexpected);
    }

    /** Whether this event is one the chain allows here; a compensation nobody owes is not. */
    public boolean expects(ChoreographyDefinition definition, Role role) {
        if (role.kind() != Role.Kind.COMPENSATED) {
            return true;
        }
        // It may come before the failure that requires it (events on different channels race), but
        // never for the last step (no later step can fail), nor once a failure is known that does not owe it.
        if (role.step() >= definition.steps().size() - 1) {
            return false;
        }
        return failedStep == null || definition.compensationsRequiredBy(failedStep).contains(role.step());
    }

    public SagaState state(ChoreographyDefinition definition) {
        if (failedStep != null) {
            List<Integer> required = definition.compensationsRequiredBy(failedStep);
            if (compensated.containsAll(required)) {
                return SagaState.FAILED;
            }
            return overdue ? SagaState.COMPENSATION_STALLED : SagaState.COMPENSATING;
        }
        if (succeeded.size() == definition.steps().size()) {
            return SagaState.COMPLETED;
        }
        if (overdue) {
            return SagaState.STALLED;
        }
        return started || !succeeded.isEmpty() ? SagaState.RUNNING : SagaState.STARTED;
    }

    /** The step the saga waits on: the first not yet done forward, or the latest compensation still owed. */
    public int currentStep(ChoreographyDefinition definition) {
        if (failedStep != null) {
            List<Integer> required = definition.compensationsRequiredBy(failedStep);
            for (int i = required.size() - 1; i >= 0; i--) {
                if (!compensated.contains(required.get(i))) {
                    return required.get(i);
                }
            }
            return failedStep;
        }
        for (int i = 0; i < definition.steps().size(); i++) {
            if (!succeeded.contains(i)) {
                return i;
            }
        }
        return definition.steps().size() - 1;
    }
}
