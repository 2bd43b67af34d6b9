package dev.sagaflow.internal;

import dev.sagaflow.SagaDefinition;

import java.util.function.IntPredicate;

/**
 * The steps' conditions for some data, as the state machine asks them. A condition is user code: what
 * it throws comes out as a {@link ConditionFailed}, so the caller fails the attempt instead of taking
 * the error for the engine's own (an {@code IllegalStateException} from a condition is the user's).
 */
final class Conditions {
    private Conditions() {
    }

    static IntPredicate of(SagaDefinition<Object> definition, Object data) {
        return i -> {
            try {
                return definition.step(i).runsFor(data);
            } catch (RuntimeException | Error e) {
                throw new ConditionFailed(definition.step(i).name(), e);
            }
        };
    }

    /** A step's condition threw. */
    static final class ConditionFailed extends RuntimeException {
        ConditionFailed(String step, Throwable cause) {
            super("the condition of step '" + step + "' threw " + cause, cause);
        }
    }
}
