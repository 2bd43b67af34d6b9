package dev.sagaflow.participant;

/**
 * Thrown by a command handler to refuse the command for a business reason (out of stock, card
 * declined): the handler's writes are rolled back, and the saga gets a failure reply and compensates.
 */
public class CommandRejectedException extends RuntimeException {
    public CommandRejectedException(String reason) {
        super(reason);
    }
}
