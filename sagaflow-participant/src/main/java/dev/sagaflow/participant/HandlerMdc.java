package dev.sagaflow.participant;

import dev.sagaflow.StepContext;
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
        set(STEP, StepContext.stepOf(message.sagaId(), message.header(MessageHeaders.IDEMPOTENCY_KEY).orElse(null)));
        set(MESSAGE_TYPE, message.type());
    }

    static HandlerMdc of(Message message) {
        return new HandlerMdc(message);
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
