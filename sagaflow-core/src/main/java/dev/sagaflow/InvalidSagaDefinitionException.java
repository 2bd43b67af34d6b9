package dev.sagaflow;

/** A saga definition breaks a rule (step order, retry policy, duplicate names); the message says which. */
public class InvalidSagaDefinitionException extends SagaException {
    public InvalidSagaDefinitionException(String message) {
        super(message);
    }
}
