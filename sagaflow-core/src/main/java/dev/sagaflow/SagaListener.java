package dev.sagaflow;

/**
 * Told about progress after it is durable. Called on the engine's commit thread: keep it quick and
 * never block in it (count, record a metric, complete a future).
 */
public interface SagaListener {

    /**
     * A step's action or compensation attempt has ended and its outcome is committed.
     *
     * @param latencyNanos from the moment the attempt was due on this node to the commit of its outcome; for a
     *                     remote step, from the commit that sent its command to the commit of its reply (ms precision)
     */
    default void onAttemptRecorded(SagaId id, String sagaName, String step, boolean compensation, boolean succeeded,
                                   long latencyNanos) {
    }

    /** The instance reached a terminal state (COMPLETED, FAILED or CANCELLED). */
    default void onSagaEnded(SagaId id, String sagaName, SagaState state) {
    }
}
