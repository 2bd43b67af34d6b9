package dev.sagaflow.jdbc;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.spi.WriteRefusedException;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.testing.FlakySaga;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SqliteSagaStoreTest {
    record Order(String id) {
    }

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sagas.db");
    }

    @Test
    void theJournalIsWalAndEveryCommitIsSynchronous() throws Exception {
        try (SqliteSagaStore store = SqliteSagaStore.open(file())) {
            assertThat(store.writerPragma("journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(store.writerPragma("synchronous")).as("2 = FULL").isEqualTo("2");
        }
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = plain.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).as("WAL is a property of the file").isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        SagaRecord row = row("s-1", "k-1", null);
        try (SqliteSagaStore store = SqliteSagaStore.open(file())) {
            store.write(List.of(new StoreWrite.Insert(row, List.of())));
        }
        try (SqliteSagaStore reopened = SqliteSagaStore.open(file())) {
            assertThat(reopened.find("s-1")).contains(row);
        }
    }

    @Test
    void theTablesAreCreatedInANewDirectory() {
        Path nested = dir.resolve("a/b/c/sagas.db");
        try (SqliteSagaStore store = SqliteSagaStore.open(nested)) {
            assertThat(store.find("nothing")).isEmpty();
        }
        assertThat(nested).exists();
    }

    @Test
    void aSecondNodeOnTheSameFileIsRefusedUntilTheFirstCloses() {
        try (SqliteSagaStore first = SqliteSagaStore.open(file());
             SqliteSagaStore second = SqliteSagaStore.open(file())) {
            first.open("node-a");
            assertThatThrownBy(() -> second.open("node-b"))
                    .isInstanceOf(SagaStoreException.class)
                    .hasMessageContaining(file().toString())
                    .hasMessageContaining("in use by another engine node");
            first.close();
            second.open("node-b");
        }
    }

    @Test
    void leasesLeftByANodeThatDiedAreFreedWhenTheNextOneOpens() {
        try (SqliteSagaStore crashed = SqliteSagaStore.open(file())) {
            crashed.open("node-a");
            crashed.write(List.of(new StoreWrite.Insert(row("s-1", "k-1", "node-a"), List.of())));
            // no releaseLeases: the node died
        }
        try (SqliteSagaStore next = SqliteSagaStore.open(file())) {
            next.open("node-b");
            SagaRecord freed = next.find("s-1").orElseThrow();
            assertThat(freed.owner()).isNull();
            assertThat(freed.leaseUntil()).isNull();
        }
    }

    @Test
    void outboxClaimsLeftByANodeThatDiedAreFreedWhenTheNextOneOpens() {
        Message command = new Message("m-1", "inventory", "Reserve", "s-1", "k-1", Map.of(), "{}");
        long now = System.currentTimeMillis();
        try (SqliteSagaStore crashed = SqliteSagaStore.open(file())) {
            crashed.open("node-a");
            crashed.write(List.of(new StoreWrite.Insert(row("s-1", "k-1", "node-a"), List.of(), List.of(command))));
            assertThat(crashed.claimOutbox("relay-a", now, now + 60_000, 10)).hasSize(1);
            // no send, no delete: the node died holding the claim
        }
        try (SqliteSagaStore next = SqliteSagaStore.open(file())) {
            next.open("node-b");
            assertThat(next.claimOutbox("relay-b", now, now + 60_000, 10)).as("sent at once, not a lease later")
                    .extracting(Message::id).containsExactly("m-1");
        }
    }

    @Test
    void aWriteAConstraintRefusesIsReportedAsRefusedAndCommitsNothing() {
        HistoryEvent first = new HistoryEvent(1, Instant.ofEpochMilli(1), HistoryEventType.SAGA_STARTED, null, 0,
                Duration.ZERO, null);
        try (SqliteSagaStore store = SqliteSagaStore.open(file())) {
            store.write(List.of(new StoreWrite.Insert(row("s-1", "k-1", null), List.of(first))));
            SagaRecord moved = row("s-1", "k-1", null).leased(SagaRecord.Lease.NONE, 2);
            // The same history seq again: the primary key refuses it, and the update with it is rolled back.
            List<StoreWrite> batch = List.of(new StoreWrite.Update(moved, 1, List.of(first)),
                    new StoreWrite.Insert(row("s-2", "k-2", null), List.of()));

            assertThatThrownBy(() -> store.write(batch)).isInstanceOf(WriteRefusedException.class)
                    .hasMessageContaining("refused").hasMessageContaining("nothing of it committed");
            assertThat(store.find("s-1").orElseThrow().version()).isEqualTo(1);
            assertThat(store.find("s-2")).isEmpty();
        }
    }

    @Test
    void aDirectoryIsNotAStoreFile() {
        assertThatThrownBy(() -> SqliteSagaStore.open(dir))
                .isInstanceOf(SagaStoreException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAsItWas() throws Exception {
        Path notes = dir.resolve("notes.txt");
        String text = "these are my notes, not a database\n".repeat(200);
        Files.writeString(notes, text);

        assertThatThrownBy(() -> SqliteSagaStore.open(notes))
                .isInstanceOf(SagaStoreException.class)
                .hasMessageContaining(notes.toString());
        assertThat(Files.readString(notes)).isEqualTo(text);
    }

    @Test
    void aDueRetryResumesOnTimeAfterTheProcessStateIsGone() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SagaDefinition<Order> saga = FlakySaga.failingOnce("order", Order.class, calls, Duration.ofMillis(800));
        SagaId id;
        long due;
        try (SqliteSagaStore store = SqliteSagaStore.open(file());
             SagaEngine engine = SagaEngine.builder(store).register(saga).build()) {
            id = engine.start("order", new Order("o1"), "o1");
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.get(id).state() == SagaState.WAITING);
            due = engine.get(id).nextWakeAt().toEpochMilli();
        }

        try (SqliteSagaStore store = SqliteSagaStore.open(file());
             SagaEngine engine = SagaEngine.builder(store).register(saga).build()) {
            SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(5)).orElseThrow();
            assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
            HistoryEvent resumed = done.history().stream().filter(e -> e.type() == HistoryEventType.STEP_RESUMED)
                    .findFirst().orElseThrow();
            assertThat(resumed.at().toEpochMilli()).isGreaterThanOrEqualTo(due).isLessThan(due + 1_000);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aSingleNodeNeverFencesItself() throws Exception {
        java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SagaDefinition<Order> saga = dev.sagaflow.Saga.define("order", Order.class)
                .step("a").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("flaky").invoke((o, c) -> {
                    if (failedOnce.add(c.idempotencyKey())) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    return o;
                }).retry(dev.sagaflow.RetryPolicy.builder().initialDelay(Duration.ofMillis(20)).build())
                .build();
        try (SqliteSagaStore store = SqliteSagaStore.open(file());
             SagaEngine engine = SagaEngine.builder(store).register(saga).build()) {
            for (int i = 0; i < 1_000; i++) {
                engine.startAsync("order", new Order("o-" + i), "o-" + i, null);
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    engine.countByState("order").getOrDefault(SagaState.COMPLETED, 0L) == 1_000);
            assertThat(engine.refusedWrites()).isZero();
        }
    }

    private static SagaRecord row(String id, String key, String owner) {
        return SagaRecord.newInstance(id, "order", 1, key, null, "{}", 1L, null).toBuilder().state(SagaState.RUNNING)
                .build().leased(new SagaRecord.Lease(owner, owner == null ? null : Long.MAX_VALUE), 1);
    }
}
