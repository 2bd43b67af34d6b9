package dev.sagaflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sagaflow.internal.Json;

/**
 * The event a saga publishes when it ends, if its definition says
 * {@link SagaBuilder#publishOutcomes(String) publishOutcomes}: written to the engine's outbox in the
 * same transaction as the final transition, so it is sent if and only if the saga has ended, and
 * delivered at least once (a consumer dedupes by message id, as the participant library does).
 * The message's type is {@link #COMPLETED}, {@link #FAILED} or {@link #CANCELLED}; its saga and
 * correlation ids are the saga's.
 *
 * @param failure       why it was compensated, or {@code null} when it completed
 * @param endedAtMillis when the final transition was written, epoch milliseconds
 * @param data          the saga's data as it ended
 */
public record SagaOutcome(String sagaId, String sagaName, int sagaVersion, String correlationId, SagaState state,
                          String failure, long endedAtMillis, JsonNode data) {

    public static final String COMPLETED = "SagaCompleted";
    public static final String FAILED = "SagaFailed";
    public static final String CANCELLED = "SagaCancelled";

    /** The message type of an end in {@code state}. */
    public static String typeOf(SagaState state) {
        return switch (state) {
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            default -> throw new IllegalArgumentException(state + " is not an end");
        };
    }

    /** The data read as the saga's data type (or any type its JSON fits). */
    public <T> T dataAs(Class<T> type) {
        return Json.decode(data.toString(), type, "the data of saga " + sagaId + " in its outcome event");
    }
}
