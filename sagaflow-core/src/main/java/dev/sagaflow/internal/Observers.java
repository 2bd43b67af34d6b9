package dev.sagaflow.internal;

import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaEventListener;
import dev.sagaflow.observe.StepAttempt;
import dev.sagaflow.observe.StepInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interceptors, event listeners and context propagation an engine (or a client) was given, and
 * the one place that calls them: whatever they throw is contained here, so no observer can strand an
 * instance or stop the engine.
 */
public final class Observers {
    private static final Logger log = LoggerFactory.getLogger(Observers.class);
    public static final Observers NONE = new Observers(List.of(), List.of(), null);

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

    /** The starting thread's context, to keep with a new instance; empty without propagation or when it fails. */
    public Map<String, String> startContext() {
        Map<String, String> carrier = new HashMap<>();
        inject(carrier);
        return carrier;
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
