package dev.sagaflow;

/**
 * Thrown by a step body to say that retrying cannot help (a declined card, an unknown product):
 * the step fails at once, whatever its retry policy says.
 */
public class NonRetryableStepException extends RuntimeException {
    public NonRetryableStepException(String message) {
        super(message);
    }

    public NonRetryableStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
