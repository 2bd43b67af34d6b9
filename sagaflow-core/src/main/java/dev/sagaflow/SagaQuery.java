package dev.sagaflow;

import java.util.Set;

/**
 * A filter and page for {@link SagaEngine#list}: instances newest first.
 *
 * @param states   states to include; empty for all
 * @param sagaName saga name to include, or {@code null} for all
 * @param offset   instances to skip
 * @param limit    page size, 1 to 1000
 * @param flagged  only instances flagged for an operator's eye (a step that keeps failing and is
 *                 still retried, a stalled compensation)
 */
public record SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit, boolean flagged) {
    public SagaQuery {
        states = Set.copyOf(states);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0; was " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be in 1..1000; was " + limit);
        }
    }

    public static SagaQuery all() {
        return new SagaQuery(Set.of(), null, 0, 100, false);
    }

    public SagaQuery withStates(SagaState... wanted) {
        return new SagaQuery(Set.of(wanted), sagaName, offset, limit, flagged);
    }

    public SagaQuery withSagaName(String name) {
        return new SagaQuery(states, name, offset, limit, flagged);
    }

    public SagaQuery page(int pageOffset, int pageLimit) {
        return new SagaQuery(states, sagaName, pageOffset, pageLimit, flagged);
    }

    /** Only the instances flagged for an operator: the stalled-work queue. */
    public SagaQuery flaggedOnly() {
        return new SagaQuery(states, sagaName, offset, limit, true);
    }

    public SagaQuery next() {
        return new SagaQuery(states, sagaName, offset + limit, limit, flagged);
    }
}
