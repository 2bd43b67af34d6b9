package dev.sagaflow;

/** No instance has the given id. */
public class SagaNotFoundException extends SagaException {
    public SagaNotFoundException(SagaId id) {
        super("No saga instance with id '" + id + "'");
    }

    public SagaNotFoundException(String message) {
        super(message);
    }
}
