package dev.sagaflow.participant;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;

import java.sql.Connection;
import java.util.List;

/**
 * What a command handler works with: the transaction on the participant's own database, the command
 * message, and an outbox for domain events published in the same transaction.
 */
public final class CommandContext {
    private final Connection connection;
    private final Message message;
    private final List<Message> events;

    CommandContext(Connection connection, Message message, List<Message> events) {
        this.connection = connection;
        this.message = message;
        this.events = events;
    }

    /** The local transaction: do the business write here; do not commit or roll back. */
    public Connection connection() {
        return connection;
    }

    public Message message() {
        return message;
    }

    /** {@code sagaId/stepName}: the same for every retry of the step, so a repeat can be recognised. */
    public String idempotencyKey() {
        return message.header(MessageHeaders.IDEMPOTENCY_KEY).orElse(message.sagaId() + "/" + message.type());
    }

    public String sagaId() {
        return message.sagaId();
    }

    public String correlationId() {
        return message.correlationId();
    }

    /** Publishes an event with this command's saga and correlation ids, sent only if the transaction commits. */
    public void publish(String channel, String type, Object payload) {
        events.add(Events.event(channel, type, payload, message));
    }
}
