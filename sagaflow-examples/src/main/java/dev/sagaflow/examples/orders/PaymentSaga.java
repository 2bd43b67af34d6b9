package dev.sagaflow.examples.orders;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.examples.orders.BusinessFailures.CardDeclinedException;

import java.time.Duration;

/**
 * The parallel demo's payment, a sub-saga of the order: authorize the amount on the card, then
 * capture it. Compensated by the order (refund the capture, void the authorization) when the order
 * fails after it completed.
 */
public final class PaymentSaga {
    public static final String NAME = "order-payment";

    private PaymentSaga() {
    }

    public static SagaDefinition<Payment> definition(Participants p, RetryPolicy compensationRetry, RetryPolicy transientOnly) {
        return Saga.define(NAME, Payment.class)
                .compensationRetry(compensationRetry)
                .step("authorize")
                    .invoke((payment, ctx) -> payment.withAuthorizationId(p.payments().authorize(ctx.idempotencyKey(), payment)))
                    .compensateWith((payment, ctx) -> p.payments().voidAuthorization(ctx.idempotencyKey(), payment))
                    .retry(transientOnly)
                    .timeout(Duration.ofSeconds(10))
                .step("capture")
                    .invoke((payment, ctx) -> payment.withChargeId(p.payments().capture(ctx.idempotencyKey(), payment)))
                    .compensateWith((payment, ctx) -> p.payments().refundCapture(ctx.idempotencyKey(), payment))
                    .retry(transientOnly)
                    .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** Business failures are final; the rest (a participant unreachable) is retried a few times. */
    static RetryPolicy transientOnly() {
        return RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofSeconds(1)).nonRetryable(BusinessFailures.OutOfStockException.class,
                        CardDeclinedException.class).build();
    }
}
