package dev.sagaflow;

import java.util.Set;

/**
 * A filter and page for {@link SagaEngine#list}: instances newest first.
 *
 * @param states   states to include; empty for all
 * @param sagaName saga name to include, or {@code null} for all
 * @param offset   instances to skip
 * @param limit    page size, 1 to 1000
 */
public record SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit) {
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
        return new SagaQuery(Set.of(), null, 0, 100);
    }

    public SagaQuery withStates(SagaState... wanted) {
        return new SagaQuery(Set.of(wanted), sagaName, offset, limit);
    }

    public SagaQuery withSagaName(String name) {
        return new SagaQuery(states, name, offset, limit);
    }

    public SagaQuery page(int pageOffset, int pageLimit) {
        return new SagaQuery(states, sagaName, pageOffset, pageLimit);
    }

    public SagaQuery next() {
        return new SagaQuery(states, sagaName, offset + limit, limit);
    }
}
