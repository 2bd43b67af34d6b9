package dev.sagaflow.participant;

import dev.sagaflow.messaging.Reply;

import java.sql.SQLException;

/**
 * Handles one command type inside the participant's local transaction ({@link CommandContext#connection()}):
 * the business write, the inbox row and the reply commit together or not at all.
 *
 * <p>Return the reply (usually {@link Reply#success}). Throw {@link CommandRejectedException} to
 * refuse the command; any other runtime exception is a retryable failure. Both roll back the
 * handler's writes and still record the message and reply. A {@link SQLException} rolls back
 * everything and leaves the command to be delivered again.
 */
@FunctionalInterface
public interface CommandHandler<C> {
    Reply handle(C command, CommandContext context) throws SQLException;
}
