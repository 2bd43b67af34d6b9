package dev.sagaflow.examples.orders.remote;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.examples.orders.Order;

import java.time.Duration;

import static dev.sagaflow.examples.orders.remote.OrderMessages.INVENTORY_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.NOTIFICATION_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.PAYMENT_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.SHIPPING_COMMANDS;

/**
 * The order-fulfilment saga with every step a command to a participant process: the same four
 * steps, retries and pivot as the in-process saga. A reply that does not come within the step's
 * timeout counts as a failure whose outcome is unknown, and the step is compensated.
 */
public final class RemoteOrderFulfilmentSaga {
    public static final String NAME = "order-fulfilment-remote";
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private RemoteOrderFulfilmentSaga() {
    }

    public static SagaDefinition<Order> definition() {
        RetryPolicy transientOnly = RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofSeconds(1)).build();
        return Saga.define(NAME, Order.class)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofSeconds(2)).build())
                .step("reserve-inventory")
                    .sendCommand(INVENTORY_COMMANDS, "ReserveInventory", order -> order)
                    .compensateWithCommand(INVENTORY_COMMANDS, "ReleaseInventory", order -> order)
                    .retry(transientOnly)
                    .timeout(REPLY_TIMEOUT)
                .step("charge-payment")
                    .sendCommand(PAYMENT_COMMANDS, "ChargePayment", order -> order)
                    .onReply((order, reply) -> reply.payloadAs(Order.class))
                    .compensateWithCommand(PAYMENT_COMMANDS, "RefundPayment", order -> order)
                    .retry(transientOnly)
                    .timeout(REPLY_TIMEOUT)
                .pivot("create-shipment")
                    .sendCommand(SHIPPING_COMMANDS, "CreateShipment", order -> order)
                    .onReply((order, reply) -> reply.payloadAs(Order.class))
                    .retry(RetryPolicy.builder().maxAttempts(6).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofMillis(200)).build())
                    .timeout(REPLY_TIMEOUT)
                .retriable("send-confirmation")
                    .sendCommand(NOTIFICATION_COMMANDS, "SendConfirmation", order -> order)
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofSeconds(2)).build())
                    .timeout(REPLY_TIMEOUT)
                .build();
    }
}
