package dev.sagaflow.cli;

/** The run cannot go on as set up (no participant answers, say); the message says what to do. Exit 1, no stack trace. */
final class UnusableSetupException extends RuntimeException {
    UnusableSetupException(String message) {
        super(message);
    }
}
