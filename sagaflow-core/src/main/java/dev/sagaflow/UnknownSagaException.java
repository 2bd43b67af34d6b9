package dev.sagaflow;

import java.util.Collection;
import java.util.TreeSet;

/** A saga name (or name and version) that no registered definition has. */
public class UnknownSagaException extends SagaException {
    public UnknownSagaException(String name, Collection<String> registered) {
        super("Unknown saga '" + name + "' (registered: "
                + (registered.isEmpty() ? "none" : String.join(", ", new TreeSet<>(registered))) + ")");
    }
}
