package dev.sagaflow.jdbc;

import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaRecord.Position;
import dev.sagaflow.spi.SagaRecord.Wait;
import dev.sagaflow.spi.SagaRecord.WaitKind;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows written in each v1 shape (schema V3: step_index, attempt, outcome_unknown, awaiting, completed)
 * read back after V4 with the right position and wait. Run on SQLite and PostgreSQL by the subclasses.
 */
abstract class SchemaV4MigrationTest {
    /** A database at schema V3 exactly as the previous release's Flyway left it. */
    abstract DataSource databaseAtV3() throws Exception;

    /** The store on that database, which migrates it to the latest schema. */
    abstract SagaStore openStore() throws Exception;

    static void migrateToV3(DataSource source) {
        Flyway.configure(SchemaV4MigrationTest.class.getClassLoader()).dataSource(source)
                .locations("classpath:db/sagaflow/common").table("sagaflow_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").target("3").load().migrate();
    }

    private static final String V3_INSERT = "INSERT INTO saga_instance (id, saga_name, saga_version, idempotency_key, "
            + "correlation_id, state, data, step_index, attempt, outcome_unknown, completed, cancel_requested, failure, "
            + "wake_at, deadline_at, owner, lease_until, version, write_id, history_size, created_at, updated_at, "
            + "awaiting, flag) VALUES (?, 'order', 2, ?, ?, ?, '{\"sku\":\"A\"}', ?, ?, ?, ?, 0, ?, ?, NULL, ?, ?, 5, "
            + "'w-5', 3, 100, 200, ?, ?)";

    private static void v1Row(Connection c, String id, String state, int step, int attempt, int unknown, String completed,
                              String failure, Long wakeAt, String owner, Long leaseUntil, String awaiting, String flag)
            throws Exception {
        try (PreparedStatement insert = c.prepareStatement(V3_INSERT)) {
            int i = 1;
            insert.setString(i++, id);
            insert.setString(i++, "key-" + id);
            insert.setString(i++, "corr-" + id);
            insert.setString(i++, state);
            insert.setInt(i++, step);
            insert.setInt(i++, attempt);
            insert.setInt(i++, unknown);
            insert.setString(i++, completed);
            insert.setString(i++, failure);
            insert.setObject(i++, wakeAt, java.sql.Types.BIGINT);
            insert.setString(i++, owner);
            insert.setObject(i++, leaseUntil, java.sql.Types.BIGINT);
            insert.setString(i++, awaiting);
            insert.setString(i, flag);
            insert.executeUpdate();
        }
    }

    @Test
    void everyV1ShapeReadsBackWithItsPositionAndWait() throws Exception {
        DataSource v3 = databaseAtV3();
        try (Connection c = v3.getConnection()) {
            c.setAutoCommit(true);
            v1Row(c, "running", "RUNNING", 1, 0, 0, "0", null, 150L, "node-a#1", 9_000L, null, null);
            v1Row(c, "retrying", "WAITING", 2, 3, 1, "0,1", null, 7_000L, null, null, null, "RETRYING");
            v1Row(c, "replying", "WAITING", 1, 1, 0, "0", null, 9_000L, null, null, "m-42", null);
            v1Row(c, "undoing", "COMPENSATING", 3, 2, 0, "0,2", "card declined", 12_000L, null, null, null, null);
            v1Row(c, "undo-now", "COMPENSATING", 3, 0, 1, "2", "card declined", null, "node-a#1", 9_000L, null, null);
            v1Row(c, "undo-reply", "COMPENSATING", 2, 1, 0, "0", "card declined", 13_000L, null, null, "m-43", null);
            v1Row(c, "stalled", "COMPENSATION_STALLED", 2, 5, 0, "0", "card declined", 14_000L, null, null, null,
                    "COMPENSATION_STALLED");
            v1Row(c, "done", "COMPLETED", 4, 0, 0, "0,1,2", null, null, null, null, null, null);
            v1Row(c, "failed", "FAILED", 1, 2, 1, "", "no stock", null, null, null, null, null);
        }

        try (SagaStore store = openStore()) {
            assertThat(store.find("running")).contains(new SagaRecord(
                    new SagaRecord.Identity("running", "order", 2, "key-running", "corr-running", 100, null),
                    new SagaRecord.Status(SagaState.RUNNING, null, false, null), "{\"sku\":\"A\"}",
                    new SagaRecord.Progress(List.of(new Position(1, 0, false, null)), List.of(0)),
                    SagaRecord.Signals.NONE, 150L, new SagaRecord.Fence(5, "w-5", 3),
                    new SagaRecord.Lease("node-a#1", 9_000L), 200));
            assertThat(position(store, "retrying")).isEqualTo(new Position(2, 3, true, new Wait(WaitKind.RETRY, null, 7_000L)));
            assertThat(position(store, "replying")).isEqualTo(new Position(1, 1, false, new Wait(WaitKind.REPLY, "m-42", 9_000L)));
            assertThat(position(store, "undoing")).isEqualTo(new Position(3, 2, false, new Wait(WaitKind.RETRY, null, 12_000L)));
            assertThat(position(store, "undo-now")).isEqualTo(new Position(3, 0, true, null));
            assertThat(position(store, "undo-reply")).isEqualTo(new Position(2, 1, false, new Wait(WaitKind.REPLY, "m-43", 13_000L)));
            assertThat(position(store, "stalled")).isEqualTo(new Position(2, 5, false, new Wait(WaitKind.RETRY, null, 14_000L)));
            assertThat(position(store, "done")).isEqualTo(new Position(4, 0, false, null));
            assertThat(position(store, "failed")).isEqualTo(new Position(1, 2, true, null));

            SagaRecord retrying = store.find("retrying").orElseThrow();
            assertThat(retrying.toCompensate()).containsExactly(0, 1);
            assertThat(retrying.flag()).isEqualTo("RETRYING");
            assertThat(retrying.wakeAt()).isEqualTo(7_000L);
            assertThat(store.find("undoing").orElseThrow().failure()).isEqualTo("card declined");
            assertThat(store.find("failed").orElseThrow().toCompensate()).isEmpty();
            assertThat(store.find("done").orElseThrow().wakeAt()).isNull();

            // A migrated row takes the next write as any other.
            SagaRecord next = retrying.toBuilder().await(null).attemptsMade(4).updatedAt(300).build()
                    .stamped(new SagaRecord.Fence(6, "w-6", 3), retrying.lease(), 300);
            assertThat(store.write(List.of(new StoreWrite.Update(next, 5, List.of())))).containsExactly(WriteResult.ok());
            assertThat(store.find("retrying")).contains(next);
        }

        try (Connection c = v3.getConnection();
             ResultSet columns = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "saga_instance", "%")) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toLowerCase());
            }
            assertThat(names).contains("progress", "to_compensate", "signal_count", "signals_seen")
                    .doesNotContain("step_index", "attempt", "outcome_unknown", "awaiting", "completed");
        }
    }

    private static Position position(SagaStore store, String id) {
        return store.find(id).orElseThrow().position();
    }
}
