package dev.sagaflow.bench;

import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;

/**
 * SPEC.md §5's reference workload: a 4-step order saga with trivial local step bodies, 1 in 10
 * instances failing at the third step and compensating.
 */
public final class ReferenceWorkload {
    public static final String NAME = "reference-order";

    private ReferenceWorkload() {
    }

    public record Order(String id, int number, String sku, int quantity, long amountCents, String chargeId) {
        boolean failsAtShipment() {
            return number % 10 == 0;
        }
    }

    public static Order order(int number) {
        return new Order("order-" + number, number, "SKU-" + number % 5, 1 + number % 3, 1_000L + number % 97, null);
    }

    public static SagaDefinition<Order> definition() {
        return Saga.define(NAME, Order.class)
                .step("reserve-inventory").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("charge-payment")
                    .invoke((o, c) -> new Order(o.id(), o.number(), o.sku(), o.quantity(), o.amountCents(), "ch-" + o.number()))
                    .compensateWith((o, c) -> { })
                .pivot("create-shipment").invoke((o, c) -> {
                    if (o.failsAtShipment()) {
                        throw new NonRetryableStepException("carrier down for " + o.id());
                    }
                    return o;
                })
                .retriable("send-confirmation").invoke((o, c) -> o)
                .build();
    }
}
