package dev.sagaflow;

/** Saga data that cannot be written to or read from its JSON form as the definition's data type. */
public class SagaDataException extends SagaException {
    public SagaDataException(String message, Throwable cause) {
        super(message, cause);
    }

    public SagaDataException(String message) {
        super(message);
    }
}
