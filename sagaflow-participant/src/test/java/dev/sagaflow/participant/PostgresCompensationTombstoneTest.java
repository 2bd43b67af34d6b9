package dev.sagaflow.participant;

import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;

/** {@link CompensationTombstoneContract} on a participant's PostgreSQL database, one of its own per test. */
class PostgresCompensationTombstoneTest extends CompensationTombstoneContract {
    private PostgresTestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @Override
    protected void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected String database() {
        return db.url();
    }
}
