package dev.sagaflow.spi;

/**
 * A store operation failed. For {@link SagaStore#write} the outcome is unknown: the batch may or
 * may not have committed (a timeout after the commit happened looks the same as a lost connection),
 * so the engine re-reads before it decides anything.
 */
public class SagaStoreException extends RuntimeException {
    public SagaStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public SagaStoreException(String message) {
        super(message);
    }
}
