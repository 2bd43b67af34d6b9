package dev.sagaflow.observe;

import dev.sagaflow.SagaId;

import java.util.Map;

/**
 * Which saga instance an event or attempt belongs to.
 *
 * @param startContext what {@link ContextPropagation#inject} wrote when the saga was started (for a trace:
 *                     the span that started it); empty if nothing was
 */
public record SagaRef(SagaId id, String sagaName, int sagaVersion, String correlationId, Map<String, String> startContext) {
    public SagaRef {
        startContext = Map.copyOf(startContext);
    }
}
