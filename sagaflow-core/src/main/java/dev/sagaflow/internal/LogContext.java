package dev.sagaflow.internal;

import dev.sagaflow.observe.SagaRef;
import org.slf4j.MDC;

/**
 * SLF4J MDC values for the work of one saga on the current thread: the engine's log lines and the
 * user's own, inside a step, carry the saga id, correlation id, step and attempt. Closing puts back
 * what the thread had under those keys (and only those: it runs on every transition, so it saves
 * five values rather than copying the whole map), so nested and pooled use leaves nothing behind.
 */
public final class LogContext implements AutoCloseable {
    public static final String SAGA_ID = "saga_id";
    public static final String SAGA_NAME = "saga_name";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String STEP = "step";
    public static final String ATTEMPT = "attempt";
    private static final String[] KEYS = {SAGA_ID, SAGA_NAME, CORRELATION_ID, STEP, ATTEMPT};

    private final String[] before = new String[KEYS.length];

    private LogContext() {
        for (int i = 0; i < KEYS.length; i++) {
            before[i] = MDC.get(KEYS[i]);
        }
    }

    /** The saga's values; step and attempt are left as they were. */
    public static LogContext of(SagaRef saga) {
        LogContext context = new LogContext();
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
        for (int i = 0; i < KEYS.length; i++) {
            if (before[i] == null) {
                MDC.remove(KEYS[i]);
            } else {
                MDC.put(KEYS[i], before[i]);
            }
        }
    }
}
