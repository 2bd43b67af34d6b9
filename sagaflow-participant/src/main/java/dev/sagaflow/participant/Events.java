package dev.sagaflow.participant;

import dev.sagaflow.internal.Json;
import dev.sagaflow.messaging.Message;

/**
 * Builds event messages: the saga and correlation they belong to, the body as JSON, and the
 * current context (a trace) as the participant's propagation writes it.
 */
final class Events {
    private final OutgoingContext context;

    Events(OutgoingContext context) {
        this.context = context;
    }

    /** An event caused by a message: in its saga. */
    Message event(String channel, String type, Object payload, Message cause) {
        return event(channel, type, cause.sagaId(), cause.correlationId(), payload);
    }

    /** An event the service publishes on its own: the start of a saga, say. */
    Message event(String channel, String type, String sagaId, String correlationId, Object payload) {
        return new Message(Message.newId(), channel, type, sagaId, correlationId, context.headers(),
                Json.encode(payload, "the " + type + " event"));
    }
}
