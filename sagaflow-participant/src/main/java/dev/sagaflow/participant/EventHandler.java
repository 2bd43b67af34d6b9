package dev.sagaflow.participant;

import java.sql.SQLException;

/**
 * Reacts to one event type of a choreography inside the participant's local transaction
 * ({@link CommandContext#connection()}): the business write, the inbox row and the events it
 * publishes ({@link CommandContext#publish}) commit together or not at all.
 *
 * <p>There is no reply: to say the step failed, publish its failure event and return. A body that
 * cannot be read is logged and passed over; any other exception rolls everything back and the event
 * is delivered again.
 */
@FunctionalInterface
public interface EventHandler<E> {
    void handle(E event, CommandContext context) throws SQLException;
}
