package dev.sagaflow.observe;

import dev.sagaflow.SagaId;

/** Which saga instance an event or attempt belongs to. */
public record SagaRef(SagaId id, String sagaName, int sagaVersion, String correlationId) {
}
