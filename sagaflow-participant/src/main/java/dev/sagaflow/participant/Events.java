package dev.sagaflow.participant;

import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.TraceContext;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;

import java.util.Map;

/** Builds event messages that carry on the saga, correlation and trace of the message that caused them. */
final class Events {
    private Events() {
    }

    static Message event(String channel, String type, Object payload, Message cause) {
        String trace = TraceContext.continueFrom(cause.header(MessageHeaders.TRACEPARENT).orElse(null), cause.sagaId());
        return new Message(Message.newId(), channel, type, cause.sagaId(), cause.correlationId(),
                Map.of(MessageHeaders.TRACEPARENT, trace), Json.encode(payload, "the " + type + " event"));
    }
}
