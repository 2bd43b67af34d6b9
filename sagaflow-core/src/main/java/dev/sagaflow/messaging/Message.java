package dev.sagaflow.messaging;

import dev.sagaflow.internal.Json;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One message on a {@link Transport}: a command, a reply or a domain event. Every message carries
 * its own id (the consumer's inbox key), the saga it belongs to and the business correlation id;
 * {@code headers} hold the rest ({@link MessageHeaders}), trace context included.
 *
 * @param id            unique per message; a redelivery keeps it, a retried command gets a new one
 * @param channel       where it is sent: a command queue, a reply queue or an event stream
 * @param type          what it is, e.g. {@code ReserveStock}; handlers are registered per type
 * @param sagaId        the saga instance it belongs to
 * @param correlationId the business id that ties a saga's messages together (an order number)
 * @param headers       string headers; see {@link MessageHeaders}
 * @param payload       the body, as JSON text
 */
public record Message(String id, String channel, String type, String sagaId, String correlationId,
                      Map<String, String> headers, String payload) {

    public static final int MAX_ID_LENGTH = 64;

    public Message {
        requireText(id, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("message id must be at most " + MAX_ID_LENGTH + " characters; was " + id.length());
        }
        requireText(channel, "channel");
        requireText(type, "type");
        requireText(sagaId, "sagaId");
        Objects.requireNonNull(payload, "payload");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        correlationId = correlationId == null ? sagaId : correlationId;
    }

    /** A new message id: random, so ids from many nodes never collide. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The payload read as {@code type}, with an error that names the message if it does not fit. */
    public <T> T payloadAs(Class<T> type) {
        return Json.decode(payload, type, "message " + id + " (" + type() + ")");
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("message " + field + " must not be blank");
        }
    }
}
