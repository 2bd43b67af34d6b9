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
    /** A pass of a run in a key ({@code 3.0/}), which no step name holds: step names have no '/'. */
    private static final java.util.regex.Pattern PASS = java.util.regex.Pattern.compile("\\d+\\.\\d+/.+");

    public static String idempotencyKey(SagaId sagaId, String stepName) {
        return sagaId.value() + "/" + stepName;
    }

    /**
     * The key of a step in run {@code run} of the saga, pass {@code loops} of that run (a saga that loops
     * or continues as new): {@code sagaId/run.loops/stepName}, or {@code sagaId/stepName} in the first
     * pass of the first run, so every pass calls its participants under keys of its own.
     */
    public static String idempotencyKey(SagaId sagaId, int run, int loops, String stepName) {
        return run == 0 && loops == 0 ? idempotencyKey(sagaId, stepName)
                : sagaId.value() + "/" + run + "." + loops + "/" + stepName;
    }

    /**
     * The step an idempotency key of {@link #idempotencyKey} names for the saga {@code sagaId}, or
     * {@code null} when the key is absent or not of that saga (an event, another producer's message).
     */
    public static String stepOf(String sagaId, String idempotencyKey) {
        String prefix = sagaId + "/";
        if (idempotencyKey == null || !idempotencyKey.startsWith(prefix) || idempotencyKey.length() <= prefix.length()) {
            return null;
        }
        String step = idempotencyKey.substring(prefix.length());
        return PASS.matcher(step).matches() ? step.substring(step.indexOf('/') + 1) : step;
    }
}
