package dev.sagaflow;

import dev.sagaflow.internal.Json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one saga instance.
 *
 * @param currentStep the step due, running or being compensated; {@code null} once terminal
 * @param attempt     attempts made so far of the current step or compensation
 * @param failure     why it is compensating or failed, or {@code null}
 * @param nextWakeAt  when it next needs a node (a retry's due time), or {@code null} once terminal
 * @param flag        why it needs an operator's eye while it goes on ({@code RETRYING},
 *                    {@code COMPENSATION_STALLED}), or {@code null}
 * @param history     the full history from {@link SagaEngine#get}; empty in {@link SagaEngine#list} results
 */
public record SagaInstance(SagaId id, String sagaName, int sagaVersion, String idempotencyKey, String correlationId,
                           SagaState state, String currentStep, int attempt, String dataJson, String failure,
                           Instant createdAt, Instant updatedAt, Instant nextWakeAt, long version, String flag,
                           List<HistoryEvent> history) {

    public SagaInstance {
        history = List.copyOf(history);
    }

    /** The saga's data as the given type. */
    public <T> T data(Class<T> type) {
        return Json.decode(dataJson, type, "saga " + id + " (" + sagaName + " v" + sagaVersion + ")");
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }
}
