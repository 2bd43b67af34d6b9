package dev.sagaflow;

/**
 * What a step body knows about the call it is serving.
 *
 * @param sagaId         the instance being run
 * @param stepName       the step being called (or compensated)
 * @param attempt        1 for the first attempt, counting retries after that
 * @param idempotencyKey {@code sagaId/stepName}: the same across retries and restarts, so a
 *                       participant can recognise a repeated call; the compensation of a step
 *                       gets the same key as its action, so it can find what to undo
 * @param correlationId  the business correlation id given at start (the idempotency key by default)
 */
public record StepContext(SagaId sagaId, String stepName, int attempt, String idempotencyKey, String correlationId) {
    public static String idempotencyKey(SagaId sagaId, String stepName) {
        return sagaId.value() + "/" + stepName;
    }

    /**
     * The step an idempotency key of {@link #idempotencyKey} names for the saga {@code sagaId}, or
     * {@code null} when the key is absent or not of that saga (an event, another producer's message).
     */
    public static String stepOf(String sagaId, String idempotencyKey) {
        String prefix = sagaId + "/";
        return idempotencyKey != null && idempotencyKey.startsWith(prefix) && idempotencyKey.length() > prefix.length()
                ? idempotencyKey.substring(prefix.length()) : null;
    }
}
