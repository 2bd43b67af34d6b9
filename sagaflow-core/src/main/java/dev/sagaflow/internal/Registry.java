package dev.sagaflow.internal;

import dev.sagaflow.InvalidSagaDefinitionException;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.UnknownSagaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.DoubleSupplier;

/** The definitions a node runs, by name and version; new instances start on the latest version. */
public final class Registry {
    private final Map<String, NavigableMap<Integer, SagaStateMachine>> byName = new ConcurrentHashMap<>();
    private final DoubleSupplier random;

    public Registry(DoubleSupplier random) {
        this.random = random;
    }

    public synchronized void register(SagaDefinition<?> definition) {
        NavigableMap<Integer, SagaStateMachine> versions =
                byName.computeIfAbsent(definition.name(), n -> new ConcurrentSkipListMap<>());
        SagaStateMachine existing = versions.get(definition.version());
        if (existing != null && existing.definition() != definition) {
            throw new InvalidSagaDefinitionException("Saga '" + definition.name() + "' v" + definition.version()
                    + " is already registered; give a changed definition a new version");
        }
        // The sagas its steps start as children run wherever it runs; checked before anything is registered.
        List<SagaDefinition<?>> children = definition.childDefinitions();
        for (SagaDefinition<?> child : children) {
            SagaStateMachine known = find(child.name(), child.version()).orElse(null);
            if (known != null && known.definition() != child) {
                throw new InvalidSagaDefinitionException("Saga '" + child.name() + "' v" + child.version()
                        + ", a child of '" + definition.name() + "', is already registered as another definition");
            }
        }
        versions.put(definition.version(), new SagaStateMachine(definition, random));
        for (SagaDefinition<?> child : children) {
            byName.computeIfAbsent(child.name(), n -> new ConcurrentSkipListMap<>())
                    .putIfAbsent(child.version(), new SagaStateMachine(child, random));
        }
    }

    public SagaStateMachine latest(String name) {
        NavigableMap<Integer, SagaStateMachine> versions = byName.get(name);
        if (versions == null || versions.isEmpty()) {
            throw new UnknownSagaException(name, byName.keySet());
        }
        return versions.lastEntry().getValue();
    }

    public Optional<SagaStateMachine> find(String name, int version) {
        NavigableMap<Integer, SagaStateMachine> versions = byName.get(name);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    public List<String> describe() {
        List<String> all = new ArrayList<>();
        new TreeMap<>(byName).forEach((name, versions) -> versions.keySet().forEach(v -> all.add(name + " v" + v)));
        return all;
    }
}
