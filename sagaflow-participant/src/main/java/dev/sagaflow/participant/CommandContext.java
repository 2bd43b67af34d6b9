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
    private final String idempotencyKey;
    private final Events eventMessages;

    CommandContext(Connection connection, Message message, List<Message> events, Events eventMessages) {
        this(connection, message, events, keyOf(message, message.type()), eventMessages);
    }

    CommandContext(Connection connection, Message message, List<Message> events, String idempotencyKey, Events eventMessages) {
        this.connection = connection;
        this.message = message;
        this.events = events;
        this.idempotencyKey = idempotencyKey;
        this.eventMessages = eventMessages;
    }

    /**
     * The message's idempotency key header or, on a message without one, {@code sagaId/type} with the
     * type of the command ({@code stepType}: for a compensation, the type of the command it undoes).
     */
    static String keyOf(Message message, String stepType) {
        return message.header(MessageHeaders.IDEMPOTENCY_KEY).orElse(message.sagaId() + "/" + stepType);
    }

    /** The local transaction: do the business write here; do not commit or roll back. */
    public Connection connection() {
        return connection;
    }

    public Message message() {
        return message;
    }

    /**
     * {@code sagaId/stepName}: the same for every retry of the step and for its compensation, so a
     * repeat can be recognised and the compensation can find what to undo.
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String sagaId() {
        return message.sagaId();
    }

    public String correlationId() {
        return message.correlationId();
    }

    /** Publishes an event with this command's saga and correlation ids, sent only if the transaction commits. */
    public void publish(String channel, String type, Object payload) {
        events.add(eventMessages.event(channel, type, payload, message));
    }
}
