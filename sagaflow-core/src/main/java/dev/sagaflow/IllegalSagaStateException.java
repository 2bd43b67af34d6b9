package dev.sagaflow;

/** An operator command that the instance's state does not allow (cancel a completed saga, say). */
public class IllegalSagaStateException extends SagaException {
    public IllegalSagaStateException(String message) {
        super(message);
    }
}
