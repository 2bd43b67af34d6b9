package dev.sagaflow.examples;

import dev.sagaflow.SagaEngine;

/**
 * Lets a front end add to the engines a demo builds (metrics, tracing) and see each one once it runs,
 * without the demo knowing what is added.
 */
public interface EngineHook {
    /** Adds nothing. */
    EngineHook NONE = new EngineHook() {
    };

    /** Called with each engine's builder before it is built: add listeners or interceptors here. */
    default void configure(SagaEngine.Builder builder) {
    }

    /** Called with each engine once built and running (or, for a client-only one, ready). */
    default void started(SagaEngine engine) {
    }

    /** Builds the engine with this hook applied, and tells it of the result. */
    default SagaEngine build(SagaEngine.Builder builder) {
        configure(builder);
        SagaEngine engine = builder.build();
        started(engine);
        return engine;
    }
}
