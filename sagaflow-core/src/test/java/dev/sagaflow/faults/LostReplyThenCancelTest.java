package dev.sagaflow.faults;

import dev.sagaflow.Join;
import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Found by the parallel order demo's SIGKILL test: a participant applied a step and its reply was
 * lost (a retryable error after the commit). The step waits for its retry, and the saga is then
 * cancelled (by an operator, or by a join that failed elsewhere): the step may have acted, so it must
 * be compensated. A retryable failure of a compensatable step says nothing of whether it took effect.
 */
class LostReplyThenCancelTest {
    public record Order(String id, List<String> lines) {
    }

    static final class LostReply extends RuntimeException {
        LostReply() {
            super("the reply was lost after the participant committed");
        }
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
    SagaEngine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    /** Reserves under the key, then loses the reply on the first attempt; releasing is idempotent. */
    void reserveLosingTheFirstReply(String key, int attempt) {
        held.computeIfAbsent(key, k -> new AtomicInteger()).set(1);
        if (attempt == 1) {
            throw new LostReply();
        }
    }

    @Test
    void anOperatorsCancelDuringTheRetryWaitCompensatesTheStepThatMayHaveActed() throws Exception {
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> {
                    reserveLosingTheFirstReply(c.idempotencyKey(), c.attempt());
                    return o;
                }).compensateWith((o, c) -> held.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).set(0))
                .retry(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMinutes(10)).build())
                .step("charge").invoke((o, c) -> o)
                .build();
        engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).register(saga).build();
        SagaId id = engine.start("order", new Order("o1", List.of()), "o1");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.get(id).state() == SagaState.WAITING);

        engine.cancel(id);
        SagaInstance end = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(end.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(held.get(id.value() + "/reserve").get()).as("the reservation the lost reply made is released").isZero();
    }

    @Test
    void aBranchWaitingToRetryWhenTheJoinFailsIsCompensated() throws Exception {
        SagaDefinition<Order> saga = Saga.define("lines", Order.class)
                .forEach("reserve-lines", Order::lines, String.class, line -> line
                        .step("reserve-line").invoke((l, c) -> {
                            if (l.equals("sold-out")) {
                                Thread.sleep(300); // after its sibling lost its reply and waits to retry
                                throw new NonRetryableStepException("out of stock");
                            }
                            reserveLosingTheFirstReply(c.idempotencyKey(), c.attempt());
                            return l;
                        }).compensateWith((l, c) -> held.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).set(0))
                        .retry(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMinutes(10)).build()))
                .join(Join.all())
                .build();
        engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).register(saga).build();
        SagaId id = engine.start("lines", new Order("o2", List.of("sku-1", "sold-out")), "o2");

        SagaInstance end = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(end.state()).isEqualTo(SagaState.FAILED);
        assertThat(held.get(id.value() + "/0/0/reserve-line").get()).as("the line whose reply was lost is released").isZero();
    }

    @Test
    void aStepWhoseLastAttemptLostItsReplyIsCompensatedWithTheSaga() throws Exception {
        SagaDefinition<Order> saga = Saga.define("order-last", Order.class)
                .step("reserve").invoke((o, c) -> {
                    held.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).set(1);
                    throw new LostReply();
                }).compensateWith((o, c) -> held.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).set(0))
                .retry(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(10)).build())
                .build();
        engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).register(saga).build();
        SagaId id = engine.start("order-last", new Order("o3", List.of()), "o3");

        SagaInstance end = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();
        assertThat(end.state()).isEqualTo(SagaState.FAILED);
        assertThat(held.get(id.value() + "/reserve").get()).isZero();
    }
}
