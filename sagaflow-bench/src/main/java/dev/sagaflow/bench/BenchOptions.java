package dev.sagaflow.bench;

import dev.sagaflow.jdbc.SagaStores;

import java.nio.file.Path;

/**
 * @param store         {@code memory}, {@code sqlite} (a new file in {@code dir}) or a {@code jdbc:postgresql:} URL
 * @param dir           where the SQLite file goes (a new file per run)
 * @param sagas         sagas to run and measure
 * @param concurrency   sagas in flight at most
 * @param ratePerSecond fixed arrival rate; 0 starts each saga as soon as there is room for it
 */
public record BenchOptions(String store, Path dir, int sagas, int concurrency, double ratePerSecond) {
    public BenchOptions {
        if (!"memory".equals(store) && !"sqlite".equals(store) && !SagaStores.isPostgres(store)) {
            throw new IllegalArgumentException("--store must be memory, sqlite or a jdbc:postgresql: URL; was '" + store + "'");
        }
        if ("sqlite".equals(store) && dir == null) {
            throw new IllegalArgumentException("--dir is required for --store sqlite");
        }
        if (sagas < 1) {
            throw new IllegalArgumentException("--sagas must be at least 1; was " + sagas);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1; was " + concurrency);
        }
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("--rate must be 0 (open) or a positive number; was " + ratePerSecond);
        }
    }
}
