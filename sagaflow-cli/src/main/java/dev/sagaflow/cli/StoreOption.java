package dev.sagaflow.cli;

import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.spi.SagaStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the store an operator's command names (--store): a {@code jdbc:postgresql:} URL, or a SQLite
 * file that must exist already (a client never makes a store), one a running node or demo may hold.
 * A value that is no store, or a SQLite file that is not a Sagaflow store, is refused before anything
 * is opened or changed, and the file is left as it was.
 */
final class StoreOption {
    private StoreOption() {
    }

    /** A client's store: it takes no node lock, so it works beside the node that holds a SQLite file. */
    static SagaStore openExisting(String store) {
        SagaStores.check(store); // a value that is no store is refused before anything is opened or made
        if (!SagaStores.isPostgres(store)) {
            Path file = Path.of(store.startsWith("jdbc:sqlite:") ? store.substring("jdbc:sqlite:".length()) : store);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--store " + file.toAbsolutePath() + " does not exist: give the "
                        + "SQLite file of a store (DIR/sagas.db of a demo) or a jdbc:postgresql: URL");
            }
        }
        return SagaStores.open(store);
    }
}
