package dev.sagaflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a step body knows about the call it is serving, and where it notes what the history should
 * keep of that attempt ({@link #attach}).
 *
 * <p>It was a record; it is a class now so that it can carry the attempt's metadata, with the same
 * constructor, accessors, equality (of the five values) and text.
 */
public final class StepContext {
    private final SagaId sagaId;
    private final String stepName;
    private final int attempt;
    private final String idempotencyKey;
    private final String correlationId;
    /** Guarded by itself: a body with a timeout attaches on its own thread while the runner may read. */
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    /**
     * @param sagaId         the instance being run
     * @param stepName       the step being called (or compensated)
     * @param attempt        1 for the first attempt, counting retries after that
     * @param idempotencyKey {@code sagaId/stepName}: the same across retries and restarts, so a
     *                       participant can recognise a repeated call; the compensation of a step
     *                       gets the same key as its action, so it can find what to undo
     * @param correlationId  the business correlation id given at start (the idempotency key by default)
     */
    public StepContext(SagaId sagaId, String stepName, int attempt, String idempotencyKey, String correlationId) {
        this.sagaId = sagaId;
        this.stepName = stepName;
        this.attempt = attempt;
        this.idempotencyKey = idempotencyKey;
        this.correlationId = correlationId;
    }

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

    /**
     * Notes {@code value} under {@code key} for this attempt (the model used, tokens spent, a score):
     * it is kept as a JSON object with the attempt's STEP_SUCCEEDED or STEP_FAILED entry (also when the
     * attempt throws after attaching). A later value replaces an earlier one of the same key. Never
     * throws: what cannot be written as JSON, or is over {@link HistoryEvent#MAX_METADATA_CHARS} in
     * all, is replaced in the history by a marker saying so, and the attempt counts as it would have.
     *
     * @return this context, to attach more
     */
    public StepContext attach(String key, Object value) {
        synchronized (metadata) {
            metadata.put(String.valueOf(key), value);
        }
        return this;
    }

    /** Notes every entry of {@code values} for this attempt, as {@link #attach(String, Object)} does one. */
    public StepContext attach(Map<String, ?> values) {
        if (values != null) {
            values.forEach(this::attach);
        }
        return this;
    }

    /** What was attached so far, in the order first attached: a copy. */
    public Map<String, Object> attached() {
        synchronized (metadata) {
            return new LinkedHashMap<>(metadata);
        }
    }

    public SagaId sagaId() {
        return sagaId;
    }

    public String stepName() {
        return stepName;
    }

    public int attempt() {
        return attempt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String correlationId() {
        return correlationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepContext c && attempt == c.attempt && Objects.equals(sagaId, c.sagaId)
                && Objects.equals(stepName, c.stepName) && Objects.equals(idempotencyKey, c.idempotencyKey)
                && Objects.equals(correlationId, c.correlationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sagaId, stepName, attempt, idempotencyKey, correlationId);
    }

    @Override
    public String toString() {
        return "StepContext[sagaId=" + sagaId + ", stepName=" + stepName + ", attempt=" + attempt
                + ", idempotencyKey=" + idempotencyKey + ", correlationId=" + correlationId + "]";
    }
}
