package dev.sagaflow.spi;

/**
 * Work due and held by no node (no owner, or a lease run out), as {@link SagaStore#dueWork} counts it.
 *
 * @param count        how many instances, up to the cap asked for
 * @param oldestWakeAt the earliest of their due times, or {@code null} when none is due
 */
public record DueWork(long count, Long oldestWakeAt) {
    public static final DueWork NONE = new DueWork(0, null);
}
