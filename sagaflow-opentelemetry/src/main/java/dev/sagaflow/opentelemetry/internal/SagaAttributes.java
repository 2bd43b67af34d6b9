package dev.sagaflow.opentelemetry.internal;

import dev.sagaflow.observe.SagaRef;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;

/** The attributes Sagaflow's spans carry, under {@code sagaflow.}. */
public final class SagaAttributes {
    public static final AttributeKey<String> SAGA_ID = AttributeKey.stringKey("sagaflow.saga.id");
    public static final AttributeKey<String> SAGA_NAME = AttributeKey.stringKey("sagaflow.saga.name");
    public static final AttributeKey<Long> SAGA_VERSION = AttributeKey.longKey("sagaflow.saga.version");
    public static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("sagaflow.correlation_id");
    public static final AttributeKey<String> STEP = AttributeKey.stringKey("sagaflow.step");
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sagaflow.attempt");
    public static final AttributeKey<Boolean> COMPENSATION = AttributeKey.booleanKey("sagaflow.compensation");
    public static final AttributeKey<Boolean> REMOTE = AttributeKey.booleanKey("sagaflow.remote");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("sagaflow.saga.outcome");
    public static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("sagaflow.message.type");

    // The stable messaging conventions' names (written out: the semconv artifact is not a dependency).
    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> MESSAGING_OPERATION = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");

    private SagaAttributes() {
    }

    static SpanBuilder saga(SpanBuilder span, SagaRef saga) {
        return span.setAttribute(SAGA_ID, saga.id().value())
                .setAttribute(SAGA_NAME, saga.sagaName())
                .setAttribute(SAGA_VERSION, (long) saga.sagaVersion())
                .setAttribute(CORRELATION_ID, saga.correlationId());
    }
}
