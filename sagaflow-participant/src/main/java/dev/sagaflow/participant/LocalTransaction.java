package dev.sagaflow.participant;

import dev.sagaflow.messaging.Message;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A transaction on the participant's own database begun by the service itself (not by a message),
 * for instance to take an order and start the choreographed saga that fulfils it: the events it
 * publishes are sent if and only if it commits.
 */
public final class LocalTransaction {
    private final Connection connection;
    private final List<Message> events;
    private final Events eventMessages;

    LocalTransaction(Connection connection, List<Message> events, Events eventMessages) {
        this.connection = connection;
        this.events = events;
        this.eventMessages = eventMessages;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Publishes the first event of a new choreographed saga and returns its saga id, which every
     * event that follows from it carries.
     */
    public String startSaga(String channel, String type, String correlationId, Object payload) {
        String sagaId = UUID.randomUUID().toString();
        publish(channel, type, sagaId, correlationId, payload);
        return sagaId;
    }

    /** Publishes an event of an existing saga. */
    public void publish(String channel, String type, String sagaId, String correlationId, Object payload) {
        Objects.requireNonNull(sagaId, "sagaId");
        events.add(eventMessages.event(channel, type, sagaId, correlationId, payload));
    }

    /** The work of {@link Participant#execute}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(LocalTransaction transaction) throws java.sql.SQLException;
    }
}
