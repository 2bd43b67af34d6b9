package dev.sagaflow.opentelemetry.internal;

import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaEventListener;
import dev.sagaflow.observe.SagaRef;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.time.Duration;
import java.time.Instant;

/**
 * A span per saga run, recorded when the run ends: from the instance's start to its end, under the
 * span that started the saga. It is made at the end, not opened at the start, because a run may
 * outlive the process that started it (a crash, a restart, another node finishing it, a wait of
 * days) and an OpenTelemetry span lives in one process's memory until it ends. So the run's span
 * appears once the run is over, and is lost if the node that ends the run dies between the commit
 * and this listener; its step attempts' spans are exported as they end.
 * Its start and end are the stored times of the run's first and final transitions (milliseconds),
 * not the time the listener hears of it.
 */
public final class SagaRunSpans implements SagaEventListener {
    private final Tracer tracer;
    private final Propagation propagation;

    public SagaRunSpans(Tracer tracer, Propagation propagation) {
        this.tracer = tracer;
        this.propagation = propagation;
    }

    @Override
    public void on(SagaEvent event) {
        switch (event) {
            case SagaEvent.Completed e -> record(e.saga(), e.took(), e.endedAt(), "completed", null);
            case SagaEvent.Failed e -> record(e.saga(), e.took(), e.endedAt(), "failed", e.reason());
            case SagaEvent.Cancelled e -> record(e.saga(), e.took(), e.endedAt(), "cancelled", null);
            default -> {
                // Attempts have spans of their own (StepSpans); the rest is in the saga's history.
            }
        }
    }

    /** The run's span, placed by the stored times of its start and end, whenever the listener hears of it. */
    private void record(SagaRef saga, Duration took, Instant end, String outcome, String failure) {
        Span span = SagaAttributes.saga(tracer.spanBuilder("saga " + saga.sagaName()), saga)
                .setParent(propagation.extract(saga.startContext()))
                .setStartTimestamp(end.minus(took))
                .setAttribute(SagaAttributes.OUTCOME, outcome)
                .startSpan();
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure);
        }
        span.end(end);
    }
}
