package dev.sagaflow.messaging;

/**
 * Consumes one message. Returning acknowledges it; throwing leaves it to be delivered again later.
 * Every transport delivers at least once, so a handler must absorb duplicates (an inbox does).
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(Message message) throws Exception;
}
