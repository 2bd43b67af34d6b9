package dev.sagaflow.spi;

/**
 * The store refused a write for what it holds (a value too long for its column, a character the
 * database cannot store, a constraint), and nothing of the transaction committed. Unlike a plain
 * {@link SagaStoreException} the outcome is known, and writing the same thing again fails again:
 * the engine splits a refused batch until the refused write stands alone and fails only that one.
 */
public class WriteRefusedException extends SagaStoreException {
    public WriteRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
