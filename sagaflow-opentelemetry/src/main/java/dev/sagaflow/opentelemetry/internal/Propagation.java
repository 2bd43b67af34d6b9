package dev.sagaflow.opentelemetry.internal;

import dev.sagaflow.observe.ContextPropagation;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;

import java.util.Map;

/**
 * Writes the current context into a string map, and reads one back, with one propagator: what the
 * application's OpenTelemetry uses, or W3C trace context ({@code traceparent}, {@code tracestate})
 * when that propagates nothing (an SDK built without propagators has a no-op one, and a trace that
 * silently stops at the first message is worse than a default).
 */
public final class Propagation implements ContextPropagation {
    private final TextMapPropagator propagator;

    public Propagation(TextMapPropagator configured) {
        this.propagator = configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured;
    }

    @Override
    public void inject(Map<String, String> carrier) {
        propagator.inject(Context.current(), carrier, Carrier.MAP);
    }

    /**
     * The context {@code carrier} holds, on top of the root context: an engine's or a transport's
     * thread may have something current that has nothing to do with this saga.
     */
    public Context extract(Map<String, String> carrier) {
        return propagator.extract(Context.root(), carrier, Carrier.MAP);
    }
}
