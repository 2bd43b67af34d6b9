package dev.sagaflow.jdbc;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 9, fault 1, on the database that refuses: PostgreSQL stores no NUL character and no value
 * longer than its column. Such a write fails alone, and the node goes on committing the others.
 */
class PostgresRefusedWriteTest {
    record Order(String id) {
    }

    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    private static SagaRecord row(String id, String key, String correlationId) {
        return SagaRecord.newInstance(id, "order", 1, key, correlationId, "{}", 0, null).leased(SagaRecord.Lease.NONE, 1);
    }

    @Test
    void aBatchWithAValueTheDatabaseRefusesIsReportedAsRefusedAndCommitsNothing() {
        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
            List<StoreWrite> batch = List.of(
                    new StoreWrite.Insert(row("good-1", "good-1", "fine"), List.of()),
                    new StoreWrite.Insert(row("bad-1", "bad-1", "nul\u0000inside"), List.of()));

            assertThatThrownBy(() -> store.write(batch)).isInstanceOf(WriteRefusedException.class)
                    .hasMessageContaining("refused").hasMessageContaining("0x00");
            assertThatThrownBy(() -> store.write(List.of(new StoreWrite.Insert(row("bad-2", "bad-2", "x".repeat(501)),
                    List.of())))).isInstanceOf(WriteRefusedException.class).hasMessageContaining("too long");
            assertThat(store.find("good-1")).as("nothing of the refused batch committed").isEmpty();
            assertThat(store.write(List.of(batch.get(0))).get(0).isApplied()).isTrue();
        }
    }

    @Test
    void aStepErrorWithANulCharacterFailsNoOtherInstanceAndNothingWaitsWithoutBound() throws Exception {
        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 4)) {
            SagaEngine engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20))
                    .register(Saga.define("nul", Order.class)
                            .step("one").invoke((o, c) -> {
                                throw new IllegalStateException("bad \u0000 byte and a long tail " + "y".repeat(20_000));
                            }).retry(RetryPolicy.none())
                            .build())
                    .register(Saga.define("fine", Order.class)
                            .step("one").invoke((o, c) -> o)
                            .step("two").invoke((o, c) -> o)
                            .build())
                    .build();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try {
                    SagaId poisoned = engine.start("nul", new Order("p"), "p");
                    List<CompletableFuture<SagaId>> others = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        others.add(engine.startAsync("fine", new Order("o" + i), "o" + i, "o" + i));
                    }
                    for (CompletableFuture<SagaId> start : others) {
                        SagaId id = start.get(20, TimeUnit.SECONDS);
                        assertThat(engine.awaitTermination(id, Duration.ofSeconds(20))).get()
                                .extracting(SagaInstance::state).isEqualTo(SagaState.COMPLETED);
                    }
                    SagaInstance failed = engine.awaitTermination(poisoned, Duration.ofSeconds(20)).orElseThrow();
                    assertThat(failed.state()).isEqualTo(SagaState.FAILED);
                    assertThat(failed.history()).extracting(HistoryEvent::detail).filteredOn(d -> d != null && d.contains("bad"))
                            .isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContain("\u0000").hasSizeLessThan(5_000));
                    assertThatThrownBy(() -> engine.start("fine", new Order("x"), "key\u0000", "c"))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
                    assertThatThrownBy(() -> engine.start("fine", new Order("x"), "k", "c".repeat(600)))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
                } finally {
                    engine.close();
                }
            });
        }
    }
}
