package dev.sagaflow.examples.orders.remote;

import dev.sagaflow.choreography.Choreography;
import dev.sagaflow.choreography.ChoreographyDefinition;

import java.time.Duration;

import static dev.sagaflow.examples.orders.remote.OrderMessages.INVENTORY_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.NOTIFICATION_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.ORDER_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.PAYMENT_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.SHIPPING_EVENTS;

/**
 * The same order flow with no orchestrator: each service reacts to the event before it and publishes
 * its own. A payment declined makes inventory release the stock; a shipment rejected makes payments
 * refund, and the refund makes inventory release. The tracker watches this chain.
 */
public final class OrderChoreography {
    public static final String NAME = "order-fulfilment-choreography";

    private OrderChoreography() {
    }

    public static ChoreographyDefinition definition(Duration deadline) {
        return Choreography.define(NAME)
                .startsWith(ORDER_EVENTS, "OrderPlaced")
                .step("reserve-inventory")
                    .succeedsWith(INVENTORY_EVENTS, "StockReserved")
                    .failsWith(INVENTORY_EVENTS, "StockRejected")
                    .compensatedBy(INVENTORY_EVENTS, "StockReleased")
                .step("charge-payment")
                    .succeedsWith(PAYMENT_EVENTS, "PaymentCharged")
                    .failsWith(PAYMENT_EVENTS, "PaymentDeclined")
                    .compensatedBy(PAYMENT_EVENTS, "PaymentRefunded")
                .step("create-shipment")
                    .succeedsWith(SHIPPING_EVENTS, "ShipmentCreated")
                    .failsWith(SHIPPING_EVENTS, "ShipmentRejected")
                .step("send-confirmation")
                    .succeedsWith(NOTIFICATION_EVENTS, "OrderConfirmed")
                .deadline(deadline)
                .onTimeoutPublish(ORDER_EVENTS, "OrderTimedOut")
                .build();
    }
}
