package dev.sagaflow.opentelemetry.internal;

import dev.sagaflow.StepContext;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.participant.HandlerInterceptor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * A consumer span per message a participant handles, continuing the trace its headers carry (for a
 * command, the span of the step attempt that sent it), and current while the handler runs, so the
 * handler's own spans nest under it and its reply and events carry it on.
 */
public final class HandlerSpans implements HandlerInterceptor {
    private final Tracer tracer;
    private final Propagation propagation;

    public HandlerSpans(Tracer tracer, Propagation propagation) {
        this.tracer = tracer;
        this.propagation = propagation;
    }

    @Override
    public Reply around(Message message, Invocation next) throws Exception {
        Span span = tracer.spanBuilder("process " + message.type())
                .setParent(propagation.extract(message.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SagaAttributes.MESSAGING_SYSTEM, "sagaflow")
                .setAttribute(SagaAttributes.MESSAGING_OPERATION, "process")
                .setAttribute(SagaAttributes.MESSAGING_DESTINATION, message.channel())
                .setAttribute(SagaAttributes.MESSAGING_MESSAGE_ID, message.id())
                .setAttribute(SagaAttributes.MESSAGE_TYPE, message.type())
                .setAttribute(SagaAttributes.SAGA_ID, message.sagaId())
                .setAttribute(SagaAttributes.CORRELATION_ID, message.correlationId())
                .setAttribute(SagaAttributes.STEP, // null (no attribute) for an event
                        StepContext.stepOf(message.sagaId(), message.header(MessageHeaders.IDEMPOTENCY_KEY).orElse(null)))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Reply reply = next.proceed();
            if (reply != null && !reply.succeeded()) {
                span.setStatus(StatusCode.ERROR, reply.outcome().headerValue() + ": " + reply.failure());
            }
            return reply;
        } catch (Exception | Error e) {
            // Rolled back: the transport delivers the message again.
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }
}
