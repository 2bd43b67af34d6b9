package dev.sagaflow.opentelemetry.internal;

import dev.sagaflow.observe.StepAttempt;
import dev.sagaflow.observe.StepInterceptor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * A span per step attempt and per compensation attempt, current on the thread that runs it: the
 * user's own spans in a step nest under it, and a remote step's command carries it to the
 * participant. Its parent is the context the saga was started in, so every attempt of a saga, on
 * whichever node and after however many restarts, hangs under the span that started it.
 */
public final class StepSpans implements StepInterceptor {
    private final Tracer tracer;
    private final Propagation propagation;

    public StepSpans(Tracer tracer, Propagation propagation) {
        this.tracer = tracer;
        this.propagation = propagation;
    }

    /** {@code saga order step charge}, {@code saga order compensate charge}: few names, whatever the ids. */
    static String nameOf(StepAttempt attempt) {
        return "saga " + attempt.saga().sagaName() + (attempt.compensation() ? " compensate " : " step ") + attempt.step();
    }

    @Override
    public Object around(StepAttempt attempt, Invocation next) throws Exception {
        Span span = SagaAttributes.saga(tracer.spanBuilder(nameOf(attempt)), attempt.saga())
                .setParent(propagation.extract(attempt.startContext()))
                // A remote attempt sends a command that a participant consumes: the producer side of it.
                .setSpanKind(attempt.remote() ? SpanKind.PRODUCER : SpanKind.INTERNAL)
                .setAttribute(SagaAttributes.STEP, attempt.step())
                .setAttribute(SagaAttributes.ATTEMPT, (long) attempt.attempt())
                .setAttribute(SagaAttributes.COMPENSATION, attempt.compensation())
                .setAttribute(SagaAttributes.REMOTE, attempt.remote())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return next.proceed();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }
}
