package dev.sagaflow.examples.orders;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.examples.orders.BusinessFailures.CardDeclinedException;
import dev.sagaflow.examples.orders.BusinessFailures.OutOfStockException;

import java.time.Duration;

/** The saga: reserve inventory, charge payment, then the pivot create-shipment, then send-confirmation. */
public final class OrderFulfilmentSaga {
    public static final String NAME = "order-fulfilment";

    private OrderFulfilmentSaga() {
    }

    public static SagaDefinition<Order> definition(Participants p) {
        return definition(p, RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofSeconds(2)).build());
    }

    /**
     * For runs with stalled work ({@code --stall-compensations}): a compensation that keeps failing is
     * retried after 0.1 s and 3 s, stalls after its third attempt, and is next tried 90 s later (then
     * every hour at most), so that the operator's {@code saga retry} is what finishes it.
     */
    public static SagaDefinition<Order> operatorPaced(Participants p) {
        return definition(p, RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(100))
                .multiplier(30).maxDelay(Duration.ofHours(1)).build(), 3);
    }

    /** With the given retry policy for compensations (which must not give up: they are retried until they succeed). */
    public static SagaDefinition<Order> definition(Participants p, RetryPolicy compensationRetry) {
        return definition(p, compensationRetry, 5);
    }

    private static SagaDefinition<Order> definition(Participants p, RetryPolicy compensationRetry, int stallAfter) {
        RetryPolicy transientOnly = RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofSeconds(1)).nonRetryable(OutOfStockException.class, CardDeclinedException.class)
                .build();
        return Saga.define(NAME, Order.class)
                .compensationRetry(compensationRetry)
                .stallAfter(stallAfter)
                .step("reserve-inventory")
                    .invoke((order, ctx) -> {
                        p.inventory().reserve(ctx.idempotencyKey(), order);
                        return order;
                    })
                    .compensateWith((order, ctx) -> p.inventory().release(ctx.idempotencyKey(), order))
                    .retry(transientOnly)
                    .timeout(Duration.ofSeconds(10))
                .step("charge-payment")
                    .invoke((order, ctx) -> order.withChargeId(p.payments().charge(ctx.idempotencyKey(), order)))
                    .compensateWith((order, ctx) -> p.payments().refund(ctx.idempotencyKey(), order))
                    .retry(transientOnly)
                    .timeout(Duration.ofSeconds(10))
                // The carrier being down is retried a few times; if it stays down the order is compensated.
                .pivot("create-shipment")
                    .invoke((order, ctx) -> order.withTrackingNumber(p.shipping().ship(ctx.idempotencyKey(), order)))
                    .retry(RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofMillis(200)).build())
                    .timeout(Duration.ofSeconds(10))
                .retriable("send-confirmation")
                    .invoke((order, ctx) -> {
                        p.notifications().confirm(ctx.idempotencyKey(), order);
                        return order;
                    })
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofSeconds(2)).build())
                .build();
    }
}
