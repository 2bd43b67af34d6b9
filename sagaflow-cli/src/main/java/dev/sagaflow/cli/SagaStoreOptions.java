package dev.sagaflow.cli;

import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Option;

/** The store an operator's command works on, and how it prints. */
final class SagaStoreOptions {
    enum Output { table, json }

    @Option(names = "--store", required = true, paramLabel = "URL",
            description = "The saga store: jdbc:postgresql://HOST:PORT/DB?user=U, or an existing SQLite file "
                    + "(DIR/sagas.db of a demo; it may be held by a running node).")
    String store;

    @Option(names = "--output", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (for people) or json (one JSON document, stable field names) (default: ${DEFAULT-VALUE}).")
    Output output;

    SagaStore open() {
        return StoreOption.openExisting(store);
    }

    boolean json() {
        return output == Output.json;
    }
}
