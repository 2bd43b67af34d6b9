package dev.sagaflow.observe;

/**
 * Told of each {@link SagaEvent} once the transition behind it is durable, on a virtual thread of
 * the engine (never its commit thread). Keep it quick; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface SagaEventListener {
    void on(SagaEvent event);
}
