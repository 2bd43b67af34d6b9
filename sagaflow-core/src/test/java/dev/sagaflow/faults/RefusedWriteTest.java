package dev.sagaflow.faults;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.WriteRefusedException;
import dev.sagaflow.testing.FaultInjectingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 9, fault 1: a write the database refuses for its content fails alone; it never stays in a
 * shared commit batch, and no call waits on the store without bound.
 */
class RefusedWriteTest {
    record Order(String id) {
    }

    final FaultInjectingStore store = new FaultInjectingStore(new InMemorySagaStore(), 1, 0, 0);
    SagaEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            assertTimeoutPreemptively(Duration.ofSeconds(15), engine::close, "close() must not wait on a refused write");
        }
    }

    static SagaDefinition<Order> saga(String name) {
        return Saga.define(name, Order.class)
                .step("one").invoke((o, c) -> o)
                .step("two").invoke((o, c) -> o)
                .build();
    }

    @Test
    void aStartTheStoreRefusesFailsAloneAndEveryOtherStartCommits() throws Exception {
        store.refuseWritesWhere(w -> w.record().correlationId().startsWith("poison"));
        engine = SagaEngine.builder(store).register(saga("order")).build();

        List<CompletableFuture<SagaId>> good = new ArrayList<>();
        CompletableFuture<SagaId> poisoned = null;
        for (int i = 0; i < 200; i++) {
            if (i == 7) {
                poisoned = engine.startAsync("order", new Order("p"), "key-p", "poison-1");
            }
            good.add(engine.startAsync("order", new Order("o" + i), "key-" + i, "corr-" + i));
        }

        CompletableFuture<SagaId> refused = poisoned;
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> refused.get(10, TimeUnit.SECONDS));
        assertThat(failure.getCause()).isInstanceOf(WriteRefusedException.class)
                .hasMessageContaining("refused");
        for (CompletableFuture<SagaId> start : good) {
            SagaId id = start.get(10, TimeUnit.SECONDS);
            assertThat(engine.awaitTermination(id, Duration.ofSeconds(10))).get()
                    .extracting(SagaInstance::state).isEqualTo(SagaState.COMPLETED);
        }
        assertThat(engine.findByIdempotencyKey("order", "key-p")).isEmpty();
        assertThat(store.refusedBatches.get()).isPositive();
    }

    @Test
    void aTransitionTheStoreRefusesFailsItsAttemptAndTheSagaGoesOn() throws Exception {
        // The refused write is a step's result (the data it returned); what is stored instead is
        // the attempt's failure with an unknown outcome, so the saga compensates.
        store.refuseWritesWhere(w -> w.record().data().contains("unstorable"));
        java.util.List<String> undone = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine = SagaEngine.builder(store).register(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> undone.add("reserve"))
                .step("charge").invoke((o, c) -> new Order("unstorable")).compensateWith((o, c) -> undone.add("charge"))
                .step("ship").invoke((o, c) -> o)
                .build()).build();
        SagaId other = engine.start("order", new Order("fine"), "fine");
        SagaId id = engine.start("order", new Order("x"), "x");

        SagaInstance ended = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(ended.state()).isEqualTo(SagaState.FAILED);
        assertThat(ended.failure()).contains("could not be stored");
        assertThat(undone).contains("charge", "reserve");
        assertThat(engine.awaitTermination(other, Duration.ofSeconds(10))).get()
                .extracting(SagaInstance::state).isEqualTo(SagaState.FAILED);
    }

    @Test
    void startFailsAfterTheStoreTimeoutWhenTheStoreIsUnreachable() {
        engine = SagaEngine.builder(store).register(saga("order")).storeTimeout(Duration.ofMillis(500)).build();
        store.unreachable(true);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> engine.start("order", new Order("o"), "k"))
                        .isInstanceOf(SagaStoreException.class)
                        .hasMessageContaining("did not confirm")
                        .hasMessageContaining("500 ms")
                        .hasMessageContaining("unreachable"));
        store.unreachable(false);
    }

    @Test
    void closeGivesUpOnAnUnreachableStoreAfterTheStoreTimeout() {
        SagaEngine node = SagaEngine.builder(store).register(saga("order")).storeTimeout(Duration.ofMillis(500)).build();
        store.unreachable(true);
        CompletableFuture<SagaId> pending = node.startAsync("order", new Order("o"), "k", "k");

        assertTimeoutPreemptively(Duration.ofSeconds(5), node::close, "close() waits at most about the store timeout");
        assertThat(pending).isCompletedExceptionally();
        store.unreachable(false);
    }

    @Test
    void idsKeysAndCorrelationIdsAreCheckedAtTheApiNamingTheField() {
        engine = SagaEngine.builder(store).register(saga("order")).build();
        Order order = new Order("o");

        assertThatThrownBy(() -> engine.start("order", order, "a\u0000b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotencyKey").hasMessageContaining("control character");
        assertThatThrownBy(() -> engine.start("order", order, "k", "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlationId").hasMessageContaining("200");
        assertThatThrownBy(() -> engine.start("order", order, "k", "tab\there"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
        assertThatThrownBy(() -> engine.start("order", order, "k", "half \uD800 surrogate"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
        assertThatThrownBy(() -> engine.start("order", order, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> SagaId.of("id\u0000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SagaId");
        assertThatThrownBy(() -> SagaEngine.builder(store).nodeId("node\nid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodeId");
        assertThatThrownBy(() -> SagaEngine.builder(store).nodeId("n".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodeId");
        assertThat(engine.countByState(null)).isEmpty();
    }

    @Test
    void aStepErrorIsStoredCleanedAndTruncated() throws Exception {
        engine = SagaEngine.builder(store).register(Saga.define("order", Order.class)
                .step("one").invoke((o, c) -> {
                    throw new IllegalStateException("nul \u0000 here " + "x".repeat(100_000));
                }).retry(RetryPolicy.none())
                .build()).build();
        SagaId id = engine.start("order", new Order("o"), "k");

        SagaInstance ended = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(ended.state()).isEqualTo(SagaState.FAILED);
        HistoryEvent failed = ended.history().stream().filter(e -> e.detail() != null && e.detail().contains("nul"))
                .findFirst().orElseThrow();
        assertThat(failed.detail()).doesNotContain("\u0000").contains("IllegalStateException").hasSizeLessThan(5_000);
        assertThat(ended.failure()).doesNotContain("\u0000").hasSizeLessThan(5_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.countByState(null).get(SagaState.FAILED) == 1L);
    }
}
