package dev.sagaflow.spi;

/**
 * The result of one {@link StoreWrite} in a committed batch.
 *
 * @param isApplied  the write is committed
 * @param existingId for a refused insert, the id of the instance that holds the idempotency key
 */
public record WriteResult(boolean isApplied, String existingId) {
    private static final WriteResult APPLIED = new WriteResult(true, null);
    private static final WriteResult STALE = new WriteResult(false, null);

    public static WriteResult ok() {
        return APPLIED;
    }

    /** An update whose expected version was no longer current. */
    public static WriteResult stale() {
        return STALE;
    }

    /** An insert whose idempotency key is held by the instance {@code existingId}. */
    public static WriteResult conflict(String existingId) {
        return new WriteResult(false, existingId);
    }
}
