package dev.sagaflow.cli;

import dev.sagaflow.examples.EngineHook;

/** What {@code --metrics} gives a command: a hook for its engines, served while it is open. */
interface MetricsEndpoint extends EngineHook, AutoCloseable {
    /** Without {@code --metrics}: adds nothing, serves nothing. */
    MetricsEndpoint NONE = () -> {
    };

    @Override
    void close();
}
