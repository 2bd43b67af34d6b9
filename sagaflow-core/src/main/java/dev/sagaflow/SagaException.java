package dev.sagaflow;

/** Base of the errors Sagaflow reports to its users; each message names the item and the problem. */
public class SagaException extends RuntimeException {
    public SagaException(String message) {
        super(message);
    }

    public SagaException(String message, Throwable cause) {
        super(message, cause);
    }
}
