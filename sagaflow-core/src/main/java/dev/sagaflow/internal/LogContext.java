package dev.sagaflow.internal;

import dev.sagaflow.observe.SagaRef;
import org.slf4j.MDC;

import java.util.Map;

/**
 * SLF4J MDC values for the work of one saga on the current thread: the engine's log lines and the
 * user's own, inside a step, carry the saga id, correlation id, step and attempt. Closing restores
 * what the thread had before, so nested and pooled use leaves nothing behind.
 */
public final class LogContext implements AutoCloseable {
    public static final String SAGA_ID = "saga_id";
    public static final String SAGA_NAME = "saga_name";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String STEP = "step";
    public static final String ATTEMPT = "attempt";

    private final Map<String, String> before;

    private LogContext(Map<String, String> before) {
        this.before = before;
    }

    /** The saga's values; step and attempt are left as they were unless given. */
    public static LogContext of(SagaRef saga) {
        LogContext context = new LogContext(MDC.getCopyOfContextMap());
        MDC.put(SAGA_ID, saga.id().value());
        MDC.put(SAGA_NAME, saga.sagaName());
        MDC.put(CORRELATION_ID, saga.correlationId());
        return context;
    }

    public static LogContext of(SagaRef saga, String step, int attempt) {
        LogContext context = of(saga);
        MDC.put(STEP, step);
        MDC.put(ATTEMPT, Integer.toString(attempt));
        return context;
    }

    @Override
    public void close() {
        if (before == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(before);
        }
    }
}
