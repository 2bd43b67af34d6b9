package dev.sagaflow.examples.orders;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;

import java.time.Duration;

/**
 * The order saga with its lines reserved at once: a fan-out over the lines (a child saga per line,
 * each with its own reserve step and release), undone all at once; then the payment as a sub-saga
 * ({@link PaymentSaga}); then, as in {@link OrderFulfilmentSaga}, the pivot create-shipment and
 * send-confirmation.
 */
public final class ParallelOrderFulfilmentSaga {
    public static final String NAME = "order-fulfilment-parallel";
    /** The saga each line's child runs: {@code <saga>.<fan-out step>}. */
    public static final String LINE_SAGA = NAME + ".reserve-lines";

    private ParallelOrderFulfilmentSaga() {
    }

    public static SagaDefinition<LinedOrder> definition(Participants p) {
        RetryPolicy compensationRetry = RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofSeconds(2)).build();
        RetryPolicy transientOnly = PaymentSaga.transientOnly();
        return Saga.define(NAME, LinedOrder.class)
                .compensationRetry(compensationRetry)
                .forEach("reserve-lines", LinedOrder::lines, OrderLine.class, line -> line
                        .step("reserve-line")
                            .invoke((l, ctx) -> {
                                p.inventory().reserveLine(ctx.idempotencyKey(), l);
                                return l;
                            })
                            .compensateWith((l, ctx) -> p.inventory().releaseLine(ctx.idempotencyKey(), l))
                            .retry(transientOnly)
                            .timeout(Duration.ofSeconds(10)))
                    .undoInParallel()
                .child("take-payment", PaymentSaga.definition(p, compensationRetry, transientOnly),
                        order -> Payment.of(order.order()), (order, paid) -> order.withChargeId(paid.chargeId()))
                .pivot("create-shipment")
                    .invoke((order, ctx) -> order.withTrackingNumber(p.shipping().ship(ctx.idempotencyKey(), order.order())))
                    .retry(RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofMillis(200)).build())
                    .timeout(Duration.ofSeconds(10))
                .retriable("send-confirmation")
                    .invoke((order, ctx) -> {
                        p.notifications().confirm(ctx.idempotencyKey(), order.order());
                        return order;
                    })
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofSeconds(2)).build())
                .build();
    }
}
