package dev.sagaflow.participant;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@link CompensationTombstoneContract} on a participant's SQLite file. */
class SqliteCompensationTombstoneTest extends CompensationTombstoneContract {
    @TempDir
    Path dir;

    @Override
    protected String database() {
        return dir.resolve("warehouse.db").toString();
    }
}
