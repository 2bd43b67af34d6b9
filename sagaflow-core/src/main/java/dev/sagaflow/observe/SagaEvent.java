package dev.sagaflow.observe;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened to a saga instance on this node, told after the transition behind it is
 * committed (except {@link LeaseLost} and {@link WriteRefused}, which tell of a write that was not).
 */
public sealed interface SagaEvent {

    SagaRef saga();

    /** This node or client started the instance (its first row is committed). */
    record Started(SagaRef saga) implements SagaEvent {
    }

    /**
     * A step's or compensation's attempt ended and its outcome is recorded.
     *
     * @param duration  the attempt's own time (for a remote step, from sending its command to its reply)
     * @param latency   from the moment the attempt was due on this node to the commit of its outcome
     * @param errorType the failure's exception class (or a kind: {@code timeout}, {@code reply}), or {@code null}
     */
    record AttemptEnded(SagaRef saga, String step, int attempt, boolean compensation, boolean succeeded,
                        Duration duration, Duration latency, String errorType) implements SagaEvent {
    }

    /**
     * A step attempt failed.
     *
     * @param retrying whether another attempt is scheduled (a retry), rather than the saga compensating
     */
    record StepFailed(SagaRef saga, String step, int attempt, String error, boolean retrying) implements SagaEvent {
    }

    /** Compensation of the completed steps begins. */
    record CompensationStarted(SagaRef saga, String reason) implements SagaEvent {
    }

    /**
     * The instance needs an operator's eye and goes on being retried: a compensation that keeps
     * failing, a step that keeps failing after the pivot, a call that does not return.
     *
     * @param flag {@code COMPENSATION_STALLED}, {@code RETRYING} or {@code CALL_NOT_RETURNING}
     */
    record Stalled(SagaRef saga, String step, String flag, String detail) implements SagaEvent {
    }

    /**
     * @param took    from the instance's start to this end
     * @param endedAt when the final transition was written (so the run spans {@code endedAt - took} to {@code endedAt})
     */
    record Completed(SagaRef saga, Duration took, Instant endedAt) implements SagaEvent {
    }

    /** Every completed step was compensated (or an operator resolved it as failed). */
    record Failed(SagaRef saga, String reason, Duration took, Instant endedAt) implements SagaEvent {
    }

    /** An operator's cancel ended it, every completed step compensated. */
    record Cancelled(SagaRef saga, Duration took, Instant endedAt) implements SagaEvent {
    }

    /** This node's write was refused because the instance had moved on: another node took it over. */
    record LeaseLost(SagaRef saga) implements SagaEvent {
    }

    /** The store refused a write of this instance for its content (too long, a constraint). */
    record WriteRefused(SagaRef saga, String reason) implements SagaEvent {
    }
}
