package dev.sagaflow.internal;

import dev.sagaflow.SagaId;
import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.observe.SagaRef;
import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaEventListener;
import dev.sagaflow.observe.StepAttempt;
import dev.sagaflow.observe.StepInterceptor;
import dev.sagaflow.spi.SagaRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interceptors, event listeners and context propagation an engine (or a client) was given, and
 * the one place that calls them: whatever they throw is contained here, so no observer can strand an
 * instance or stop the engine.
 */
public final class Observers {
    private static final Logger log = LoggerFactory.getLogger(Observers.class);
    public static final Observers NONE = new Observers(List.of(), List.of(), null);
    /** A start context longer than this is not kept: a trace context is a few hundred characters. */
    static final int MAX_CONTEXT_CHARS = 4_000;

    private final List<StepInterceptor> interceptors;
    private final List<SagaEventListener> listeners;
    private final ContextPropagation propagation;

    private Observers(List<StepInterceptor> interceptors, List<SagaEventListener> listeners, ContextPropagation propagation) {
        this.interceptors = List.copyOf(interceptors);
        this.listeners = List.copyOf(listeners);
        this.propagation = propagation;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean intercepting() {
        return !interceptors.isEmpty();
    }

    /** Runs {@code call} inside every interceptor, the first outermost; an interceptor's own failure fails the attempt. */
    public Object around(StepAttempt attempt, StepInterceptor.Invocation call) throws Exception {
        StepInterceptor.Invocation chain = call;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            StepInterceptor interceptor = interceptors.get(i);
            StepInterceptor.Invocation inner = chain;
            chain = () -> interceptor.around(attempt, inner);
        }
        return chain.proceed();
    }

    public boolean listening() {
        return !listeners.isEmpty();
    }

    public void tell(SagaEvent event) {
        for (SagaEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (Throwable t) {
                log.warn("saga {}: a SagaEventListener threw on {}; ignored, the saga goes on", event.saga().id(),
                        event.getClass().getSimpleName(), t);
            }
        }
    }

    /**
     * The starting thread's context as a new instance keeps it (a JSON object of strings), or
     * {@code null} without propagation, when there is none, or when it is not storable.
     */
    public String startContext() {
        Map<String, String> carrier = new TreeMap<>();
        inject(carrier);
        if (carrier.isEmpty()) {
            return null;
        }
        String json = Json.encode(carrier, "the start context");
        if (json.length() > MAX_CONTEXT_CHARS || Identifiers.firstUnstorable(json, 0, false) >= 0) {
            log.warn("the start context is not kept: longer than {} characters or not storable", MAX_CONTEXT_CHARS);
            return null;
        }
        return json;
    }

    /** Which instance a record is, for events and interceptors, with its start context read back. */
    public static SagaRef refOf(SagaRecord r) {
        return new SagaRef(new SagaId(r.id()), r.sagaName(), r.sagaVersion(), r.correlationId(),
                contextOf(r.identity().startContext()));
    }

    private static Map<String, String> contextOf(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, String> context = new HashMap<>();
            Json.decode(json, Map.class, "the start context").forEach((k, v) -> context.put(String.valueOf(k), String.valueOf(v)));
            return context;
        } catch (RuntimeException e) {
            return Map.of(); // written by this class, so only a hand-edited row gets here; no trace is better than no saga
        }
    }

    /** Adds the current context to an outgoing message's headers; a failing propagation adds nothing. */
    public void inject(Map<String, String> headers) {
        if (propagation == null) {
            return;
        }
        Map<String, String> carrier = new HashMap<>();
        try {
            propagation.inject(carrier);
        } catch (Throwable t) {
            log.warn("the ContextPropagation threw; the context is not carried", t);
            return;
        }
        headers.putAll(carrier);
    }

    public static final class Builder {
        private final List<StepInterceptor> interceptors = new ArrayList<>();
        private final List<SagaEventListener> listeners = new ArrayList<>();
        private ContextPropagation propagation;

        public Builder add(StepInterceptor interceptor) {
            interceptors.add(interceptor);
            return this;
        }

        public Builder add(SagaEventListener listener) {
            listeners.add(listener);
            return this;
        }

        public Builder propagation(ContextPropagation p) {
            this.propagation = p;
            return this;
        }

        public Observers build() {
            return interceptors.isEmpty() && listeners.isEmpty() && propagation == null ? NONE
                    : new Observers(interceptors, listeners, propagation);
        }
    }
}
