package dev.sagaflow.faults;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, fault 10: a retriable step after the pivot that keeps failing is retried forever, as the
 * saga rules say, but not invisibly: after {@code flagAfter} attempts the saga is flagged (a history
 * entry, a WARN, and a flag that {@code list} filters on), and still retried.
 */
class KeepsFailingAfterThePivotTest {
    record Order(String id) {
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    @AutoClose
    SagaEngine engine;

    @Test
    void aRetriableStepThatKeepsFailingIsFlaggedStillRetriedAndUnflaggedWhenItSucceeds() throws Exception {
        AtomicBoolean mailServerUp = new AtomicBoolean(false);
        AtomicInteger attempts = new AtomicInteger();
        engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(10)).register(Saga.define("order", Order.class)
                .flagAfter(3)
                .pivot("ship").invoke((o, c) -> o)
                .retriable("confirm").invoke((o, c) -> {
                    attempts.incrementAndGet();
                    if (!mailServerUp.get()) {
                        throw new IllegalStateException("mail server down");
                    }
                    return o;
                }).retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(10))
                        .maxDelay(Duration.ofMillis(20)).jitter(0).build())
                .build()).build();
        SagaId id = engine.start("order", new Order("o"), "o");
        SagaId other = engine.start("order", new Order("h"), "h");

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).flag() != null);
        SagaInstance flagged = engine.get(id);
        assertThat(flagged.flag()).isEqualTo("RETRYING");
        assertThat(flagged.state()).isIn(SagaState.RUNNING, SagaState.WAITING);
        assertThat(flagged.history()).filteredOn(e -> e.type() == HistoryEventType.STEP_FLAGGED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("3 attempts").contains("mail server down"));
        assertThat(engine.list(SagaQuery.all().flaggedOnly())).extracting(SagaInstance::id).contains(id, other);
        int seen = attempts.get();
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() > seen + 2);

        mailServerUp.set(true);
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.flag()).isNull();
        assertThat(done.history()).extracting(HistoryEvent::type).filteredOn(t -> t == HistoryEventType.STEP_FLAGGED).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.list(SagaQuery.all().flaggedOnly()).isEmpty());
    }

    @Test
    void aStalledCompensationIsFlaggedToo() throws Exception {
        AtomicBoolean refundsWork = new AtomicBoolean(false);
        engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(10)).register(Saga.define("order", Order.class)
                .stallAfter(2)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(20)).build())
                .step("charge").invoke((o, c) -> o).compensateWith((o, c) -> {
                    if (!refundsWork.get()) {
                        throw new IllegalStateException("refunds down");
                    }
                })
                .step("ship").invoke((o, c) -> {
                    throw new IllegalStateException("no stock");
                }).retry(RetryPolicy.none())
                .build()).build();
        SagaId id = engine.start("order", new Order("o"), "o");

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.get(id).state() == SagaState.COMPENSATION_STALLED);
        assertThat(engine.get(id).flag()).isEqualTo("COMPENSATION_STALLED");
        assertThat(engine.list(SagaQuery.all().flaggedOnly())).extracting(SagaInstance::id).containsExactly(id);
        refundsWork.set(true);
        assertThat(engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow().flag()).isNull();
    }
}
