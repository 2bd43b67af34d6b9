package dev.sagaflow.jdbc;

import dev.sagaflow.spi.SagaStore;

import java.nio.file.Path;

/** Opens a store from what a user types: a {@code jdbc:postgresql:} URL, or a SQLite file ({@code jdbc:sqlite:} or a path). */
public final class SagaStores {
    private SagaStores() {
    }

    public static SagaStore open(String urlOrPath) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            throw new IllegalArgumentException("--store must be a jdbc:postgresql: URL or a SQLite file path; was empty");
        }
        if (isPostgres(urlOrPath)) {
            return PostgresSagaStore.connect(urlOrPath);
        }
        if (urlOrPath.startsWith("jdbc:sqlite:")) {
            return SqliteSagaStore.open(Path.of(urlOrPath.substring("jdbc:sqlite:".length())));
        }
        if (urlOrPath.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--store " + urlOrPath.replaceAll("(?i)(password=)[^&]*", "$1***")
                    + " is not supported: use a jdbc:postgresql: URL or a SQLite file path");
        }
        return SqliteSagaStore.open(Path.of(urlOrPath));
    }

    public static boolean isPostgres(String urlOrPath) {
        return urlOrPath != null && urlOrPath.startsWith("jdbc:postgresql:");
    }
}
