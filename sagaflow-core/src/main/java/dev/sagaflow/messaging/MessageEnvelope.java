package dev.sagaflow.messaging;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a broker transport carries a {@link Message}: the payload as the body, and the message's own
 * fields as headers beside the user's ones, so any consumer can read them without the body.
 */
public final class MessageEnvelope {
    public static final String MESSAGE_ID = "sagaflow-message-id";
    public static final String TYPE = "sagaflow-type";
    public static final String SAGA_ID = "sagaflow-saga-id";
    public static final String CORRELATION_ID = "sagaflow-correlation-id";

    private MessageEnvelope() {
    }

    /** Every header to put on the wire: the envelope fields first, then the message's own headers. */
    public static Map<String, String> headersOf(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MESSAGE_ID, message.id());
        headers.put(TYPE, message.type());
        headers.put(SAGA_ID, message.sagaId());
        headers.put(CORRELATION_ID, message.correlationId());
        headers.putAll(message.headers());
        return headers;
    }

    /**
     * The message that {@link #headersOf} and the body were made from.
     *
     * @throws IllegalArgumentException naming the missing envelope header, for a message that was
     *                                  not sent by a Sagaflow transport
     */
    public static Message toMessage(String channel, Map<String, String> wireHeaders, String payload) {
        Map<String, String> headers = new HashMap<>(wireHeaders);
        String id = take(headers, MESSAGE_ID, channel);
        String type = take(headers, TYPE, channel);
        String sagaId = take(headers, SAGA_ID, channel);
        String correlationId = headers.remove(CORRELATION_ID);
        return new Message(id, channel, type, sagaId, correlationId, headers, payload);
    }

    private static String take(Map<String, String> headers, String name, String channel) {
        String value = headers.remove(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a message on " + channel + " has no " + name
                    + " header; it was not sent by a Sagaflow transport");
        }
        return value;
    }
}
