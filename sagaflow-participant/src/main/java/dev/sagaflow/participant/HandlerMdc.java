package dev.sagaflow.participant;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logging context of one message's handling, so that the participant's log lines and the
 * handler's own carry the saga they belong to. The handling thread is the transport's and is reused:
 * what was there before is put back afterwards.
 */
final class HandlerMdc implements AutoCloseable {
    static final String SAGA_ID = "saga_id";
    static final String CORRELATION_ID = "correlation_id";
    static final String STEP = "step";
    static final String MESSAGE_TYPE = "message_type";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private HandlerMdc(Message message) {
        set(SAGA_ID, message.sagaId());
        set(CORRELATION_ID, message.correlationId());
        set(STEP, stepOf(message));
        set(MESSAGE_TYPE, message.type());
    }

    static HandlerMdc of(Message message) {
        return new HandlerMdc(message);
    }

    /** The step a command belongs to, read from its idempotency key {@code sagaId/step}; {@code null} for any other message. */
    static String stepOf(Message message) {
        String prefix = message.sagaId() + "/";
        return message.header(MessageHeaders.IDEMPOTENCY_KEY)
                .filter(key -> key.startsWith(prefix) && key.length() > prefix.length())
                .map(key -> key.substring(prefix.length()))
                .orElse(null);
    }

    private void set(String key, String value) {
        previous.put(key, MDC.get(key));
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
