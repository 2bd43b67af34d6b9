package dev.sagaflow.participant;

import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.TraceContext;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;

import java.util.Map;

/** Builds event messages: the saga, correlation and trace they belong to, and the body as JSON. */
final class Events {
    private Events() {
    }

    /** An event caused by a message: in its saga and its trace. */
    static Message event(String channel, String type, Object payload, Message cause) {
        String trace = TraceContext.continueFrom(cause.header(MessageHeaders.TRACEPARENT).orElse(null), cause.sagaId());
        return event(channel, type, cause.sagaId(), cause.correlationId(), trace, payload);
    }

    /** An event the service publishes on its own: the start of a saga, say, in a trace of that saga's. */
    static Message event(String channel, String type, String sagaId, String correlationId, Object payload) {
        return event(channel, type, sagaId, correlationId, TraceContext.childOf(sagaId), payload);
    }

    private static Message event(String channel, String type, String sagaId, String correlationId, String traceparent,
                                 Object payload) {
        return new Message(Message.newId(), channel, type, sagaId, correlationId,
                Map.of(MessageHeaders.TRACEPARENT, traceparent), Json.encode(payload, "the " + type + " event"));
    }
}
