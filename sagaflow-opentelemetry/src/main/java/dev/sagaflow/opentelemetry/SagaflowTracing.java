package dev.sagaflow.opentelemetry;

import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.observe.SagaEventListener;
import dev.sagaflow.observe.StepInterceptor;
import dev.sagaflow.opentelemetry.internal.HandlerSpans;
import dev.sagaflow.opentelemetry.internal.Propagation;
import dev.sagaflow.opentelemetry.internal.SagaRunSpans;
import dev.sagaflow.opentelemetry.internal.StepSpans;
import dev.sagaflow.participant.HandlerInterceptor;
import dev.sagaflow.participant.Participant;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

import java.util.Objects;

/**
 * OpenTelemetry tracing for Sagaflow, from the application's {@link OpenTelemetry} (an SDK it
 * configured, or {@code GlobalOpenTelemetry.get()} under the Java agent):
 *
 * <pre>{@code
 * SagaflowTracing tracing = SagaflowTracing.create(openTelemetry);
 * SagaEngine engine = tracing.instrument(SagaEngine.builder(store)).register(saga).transport(transport).build();
 * Participant bank = tracing.instrument(Participant.builder("bank", "bank.db", transport))
 *         .handle("bank.commands", "Charge", Charge.class, handler).build().start();
 * }</pre>
 *
 * <p>Spans, all with {@code sagaflow.saga.id}, {@code sagaflow.saga.name} and
 * {@code sagaflow.correlation_id}:
 * <ul>
 *   <li>{@code saga <name> step <step>} / {@code saga <name> compensate <step>}: one per attempt, on
 *       the thread that runs it and current there; a child of the span that was current where the saga
 *       was started; failures recorded (a remote attempt's span covers sending its command: kind
 *       PRODUCER);</li>
 *   <li>{@code process <command type>}: one per message a participant handles (kind CONSUMER), a child
 *       of the span that sent it, current in the handler;</li>
 *   <li>{@code saga <name>}: one per run, recorded when the run ends (completed, failed or cancelled),
 *       spanning start to end, a child of the span that started the saga.</li>
 * </ul>
 * The context travels with the application's propagators, W3C trace context when it has none.
 */
public final class SagaflowTracing {
    /** The instrumentation scope of every span Sagaflow records. */
    public static final String INSTRUMENTATION_SCOPE = "dev.sagaflow";

    private final Propagation propagation;
    private final StepSpans stepSpans;
    private final SagaRunSpans sagaRunSpans;
    private final HandlerSpans handlerSpans;

    private SagaflowTracing(OpenTelemetry openTelemetry) {
        Tracer tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
        this.propagation = new Propagation(openTelemetry.getPropagators().getTextMapPropagator());
        this.stepSpans = new StepSpans(tracer, propagation);
        this.sagaRunSpans = new SagaRunSpans(tracer, propagation);
        this.handlerSpans = new HandlerSpans(tracer, propagation);
    }

    public static SagaflowTracing create(OpenTelemetry openTelemetry) {
        return new SagaflowTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /** Adds the step spans, the saga-run spans and the propagation to an engine. */
    public SagaEngine.Builder instrument(SagaEngine.Builder engine) {
        return engine.interceptor(stepSpans).eventListener(sagaRunSpans).propagation(propagation);
    }

    /**
     * Adds the propagation to a client that starts sagas (a client has no threads and runs no step:
     * its part is to keep the starting span with each saga it starts).
     */
    public SagaClient.Builder instrument(SagaClient.Builder client) {
        return client.propagation(propagation);
    }

    /** Adds the handler spans and the propagation (for its replies and events) to a participant. */
    public Participant.Builder instrument(Participant.Builder participant) {
        return participant.interceptor(handlerSpans).propagation(propagation);
    }

    /** A span per step and compensation attempt, for {@link SagaEngine.Builder#interceptor}. */
    public StepInterceptor stepInterceptor() {
        return stepSpans;
    }

    /** A span per saga run, recorded at its end, for {@link SagaEngine.Builder#eventListener}. */
    public SagaEventListener sagaRunListener() {
        return sagaRunSpans;
    }

    /** Trace context into a saga's start and its messages' headers, for the engine, a client, a participant or a tracker. */
    public ContextPropagation propagation() {
        return propagation;
    }

    /** A consumer span per handled message, for {@link Participant.Builder#interceptor}. */
    public HandlerInterceptor handlerInterceptor() {
        return handlerSpans;
    }
}
