package dev.sagaflow.jdbc;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java example with stand-in participants: the same DSL calls, compiled and run, so the
 * README shows an API that exists. If this test changes, the README changes with it.
 */
class ReadmeExampleTest {
    record Order(String id, String sku, int quantity, long amountCents, String chargeId) {
        Order withChargeId(String charge) {
            return new Order(id, sku, quantity, amountCents, charge);
        }
    }

    static class CardDeclinedException extends Exception {
        CardDeclinedException(String message) {
            super(message);
        }
    }

    /** Participants that remember what they did, keyed by idempotency key so repeats are harmless. */
    final Map<String, String> inventory = new ConcurrentHashMap<>();
    final Map<String, String> payments = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    SagaDefinition<Order> fulfilment(long declineAbove) {
        return Saga.define("order-fulfilment", Order.class)
            .deadline(Duration.ofMinutes(5))
            .step("reserve-inventory")
                .invoke((order, ctx) -> { inventory.putIfAbsent(ctx.idempotencyKey(), order.sku()); return order; })
                .compensateWith((order, ctx) -> inventory.remove(ctx.idempotencyKey()))
            .step("charge-payment")
                .invoke((order, ctx) -> {
                    if (order.amountCents() > declineAbove) {
                        throw new CardDeclinedException("card declined for " + order.id());
                    }
                    payments.putIfAbsent(ctx.idempotencyKey(), "charge-" + order.id());
                    return order.withChargeId(payments.get(ctx.idempotencyKey()));
                })
                .compensateWith((order, ctx) -> payments.remove(ctx.idempotencyKey()))
                .retry(RetryPolicy.builder().maxAttempts(5).nonRetryable(CardDeclinedException.class).build())
                .timeout(Duration.ofSeconds(10))
            .pivot("create-shipment")
                .invoke((order, ctx) -> { log.add("shipped " + order.id()); return order; })
            .retriable("send-confirmation")
                .invoke((order, ctx) -> { log.add("confirmed " + order.id()); return order; })
            .build();
    }

    @Test
    void theExampleRunsAsWritten() throws Exception {
        Order order = new Order("order-42", "SKU-1", 2, 4_200, null);
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("sagas.db"));
             SagaEngine engine = SagaEngine.builder(store).register(fulfilment(10_000)).build()) {
            SagaId id = engine.start("order-fulfilment", order, "order-42");
            assertThat(engine.start("order-fulfilment", order, "order-42")).isEqualTo(id);

            SagaInstance instance = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

            assertThat(instance.state()).isEqualTo(SagaState.COMPLETED);
            assertThat(instance.data(Order.class).chargeId()).isEqualTo("charge-order-42");
            assertThat(log).containsExactly("shipped order-42", "confirmed order-42");
        }
    }

    @Test
    void aDeclinedCardIsNotRetriedAndTheReservationIsReleased() throws Exception {
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("sagas.db"));
             SagaEngine engine = SagaEngine.builder(store).register(fulfilment(100)).build()) {
            SagaId id = engine.start("order-fulfilment", new Order("order-7", "SKU-1", 1, 5_000, null), "order-7");

            SagaInstance instance = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

            assertThat(instance.state()).isEqualTo(SagaState.FAILED);
            assertThat(instance.failure()).contains("card declined");
            assertThat(inventory).isEmpty();
            assertThat(payments).isEmpty();
            assertThat(log).isEmpty();
        }
    }
}
