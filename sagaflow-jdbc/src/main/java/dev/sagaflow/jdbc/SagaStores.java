package dev.sagaflow.jdbc;

import dev.sagaflow.jdbc.internal.DatabaseLocation;
import dev.sagaflow.jdbc.internal.SchemaMigrator;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;

/**
 * Opens a store from what a user types: a {@code jdbc:postgresql:} URL, or a SQLite file
 * ({@code jdbc:sqlite:} or a path). Any other value that starts like a URL ({@code postgres://},
 * {@code jbdc:postgresql:}) is refused rather than taken for a file named after it.
 */
public final class SagaStores {
    private SagaStores() {
    }

    /**
     * @throws IllegalArgumentException when the value is neither of the two forms, before anything is created
     * @throws SagaStoreException       when the store cannot be opened, or a SQLite file holds tables
     *                                  that are not Sagaflow's (the file is then left as it was)
     */
    public static SagaStore open(String urlOrPath) {
        return switch (DatabaseLocation.parse(urlOrPath, "--store")) {
            case DatabaseLocation.Postgres postgres -> PostgresSagaStore.connect(postgres.url());
            case DatabaseLocation.Sqlite sqlite -> SqliteSagaStore.open(sqlite.file());
        };
    }

    /**
     * The checks of {@link #open} that need no server, with nothing created or changed on disk: the
     * form of the value and, for a SQLite file that exists, that it is a database holding no tables
     * but Sagaflow's. Front ends call it before they create their own folders and files.
     *
     * @throws IllegalArgumentException as {@link #open} does
     * @throws SagaStoreException       when a SQLite path is a directory, not a database, or holds other tables
     */
    public static void check(String urlOrPath) {
        if (DatabaseLocation.parse(urlOrPath, "--store") instanceof DatabaseLocation.Sqlite sqlite) {
            SchemaMigrator.checkSqliteStoreFile(sqlite.file().toAbsolutePath().normalize());
        }
    }

    public static boolean isPostgres(String urlOrPath) {
        return urlOrPath != null && urlOrPath.startsWith(DatabaseLocation.POSTGRES);
    }
}
