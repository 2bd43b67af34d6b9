package dev.sagaflow;

import java.time.Instant;
import java.util.Set;

/**
 * A filter and page for {@link SagaClient#list}: instances newest first (by creation time).
 *
 * @param states         states to include; empty for all
 * @param sagaName       saga name to include, or {@code null} for all
 * @param offset         instances to skip
 * @param limit          page size, 1 to 1000
 * @param flagged        only instances flagged for an operator's eye (a step that keeps failing and is
 *                       still retried, a stalled compensation)
 * @param correlationId  only instances with this correlation id, or {@code null} for all
 * @param since          only instances created at or after this instant, or {@code null}
 * @param until          only instances created before this instant, or {@code null}
 * @param idempotencyKey only instances started with this idempotency key (of any saga name unless
 *                       {@code sagaName} is given), or {@code null} for all
 */
public record SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit, boolean flagged,
                        String correlationId, Instant since, Instant until, String idempotencyKey) {
    public SagaQuery {
        states = Set.copyOf(states);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0; was " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be in 1..1000; was " + limit);
        }
    }

    public SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit, boolean flagged,
                     String correlationId) {
        this(states, sagaName, offset, limit, flagged, correlationId, null, null, null);
    }

    public SagaQuery(Set<SagaState> states, String sagaName, int offset, int limit, boolean flagged) {
        this(states, sagaName, offset, limit, flagged, null);
    }

    public static SagaQuery all() {
        return new SagaQuery(Set.of(), null, 0, 100, false, null);
    }

    public SagaQuery withStates(SagaState... wanted) {
        return withStates(Set.of(wanted));
    }

    public SagaQuery withStates(Set<SagaState> wanted) {
        return new SagaQuery(wanted, sagaName, offset, limit, flagged, correlationId, since, until, idempotencyKey);
    }

    public SagaQuery withSagaName(String name) {
        return new SagaQuery(states, name, offset, limit, flagged, correlationId, since, until, idempotencyKey);
    }

    public SagaQuery withCorrelationId(String id) {
        return new SagaQuery(states, sagaName, offset, limit, flagged, id, since, until, idempotencyKey);
    }

    /** Only instances created in {@code [from, to)}; either end {@code null} for open. */
    public SagaQuery createdBetween(Instant from, Instant to) {
        return new SagaQuery(states, sagaName, offset, limit, flagged, correlationId, from, to, idempotencyKey);
    }

    /** Only instances started with this idempotency key ({@code null}: any). */
    public SagaQuery withIdempotencyKey(String key) {
        return new SagaQuery(states, sagaName, offset, limit, flagged, correlationId, since, until, key);
    }

    public SagaQuery page(int pageOffset, int pageLimit) {
        return new SagaQuery(states, sagaName, pageOffset, pageLimit, flagged, correlationId, since, until, idempotencyKey);
    }

    /** Only the instances flagged for an operator: the stalled-work queue. */
    public SagaQuery flaggedOnly() {
        return new SagaQuery(states, sagaName, offset, limit, true, correlationId, since, until, idempotencyKey);
    }

    public SagaQuery next() {
        return new SagaQuery(states, sagaName, offset + limit, limit, flagged, correlationId, since, until, idempotencyKey);
    }

    /** Whether an instance created at {@code createdAtMillis} falls in {@link #since}..{@link #until}. */
    public boolean createdInRange(long createdAtMillis) {
        return (since == null || createdAtMillis >= since.toEpochMilli())
                && (until == null || createdAtMillis < until.toEpochMilli());
    }
}
