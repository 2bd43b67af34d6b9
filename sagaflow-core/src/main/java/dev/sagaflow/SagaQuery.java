package dev.sagaflow;

import java.util.Set;

/**
 * A filter and page for {@link SagaClient#list}: instances newest first.
 *
 * @param states        states to include; empty for all
 * @param sagaName      saga name to include, or {@code null} for all
 * @param offset        instances to skip
 * @param limit         page size, 1 to 1000
 * @param flagged       only instances flagged for an operator's eye (a step that keeps failing and is
 *                      still retried, a stalled compensation)
 * @param correlationId only instances with this correlation id, or {@code null} for all
 */
public record SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit, boolean flagged,
                        String correlationId) {
    public SagaQuery {
        states = Set.copyOf(states);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0; was " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be in 1..1000; was " + limit);
        }
    }

    public SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit, boolean flagged) {
        this(states, sagaName, offset, limit, flagged, null);
    }

    public static SagaQuery all() {
        return new SagaQuery(Set.of(), null, 0, 100, false, null);
    }

    public SagaQuery withStates(SagaState... wanted) {
        return new SagaQuery(Set.of(wanted), sagaName, offset, limit, flagged, correlationId);
    }

    public SagaQuery withSagaName(String name) {
        return new SagaQuery(states, name, offset, limit, flagged, correlationId);
    }

    public SagaQuery withCorrelationId(String id) {
        return new SagaQuery(states, sagaName, offset, limit, flagged, id);
    }

    public SagaQuery page(int pageOffset, int pageLimit) {
        return new SagaQuery(states, sagaName, pageOffset, pageLimit, flagged, correlationId);
    }

    /** Only the instances flagged for an operator: the stalled-work queue. */
    public SagaQuery flaggedOnly() {
        return new SagaQuery(states, sagaName, offset, limit, true, correlationId);
    }

    public SagaQuery next() {
        return new SagaQuery(states, sagaName, offset + limit, limit, flagged, correlationId);
    }
}
