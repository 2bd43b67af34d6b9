package dev.sagaflow;

/**
 * Entry point of the saga DSL. A definition reads top to bottom as the saga runs:
 * <pre>{@code
 * SagaDefinition<Order> saga = Saga.define("order-fulfilment", Order.class)
 *     .step("reserve-inventory")
 *         .invoke((order, ctx) -> inventory.reserve(ctx.idempotencyKey(), order))
 *         .compensateWith((order, ctx) -> inventory.release(ctx.idempotencyKey()))
 *     .pivot("create-shipment")
 *         .invoke((order, ctx) -> order.withTracking(shipping.ship(ctx.idempotencyKey(), order)))
 *     .retriable("send-confirmation")
 *         .invoke((order, ctx) -> { mail.send(ctx.idempotencyKey(), order); return order; })
 *     .build();
 * }</pre>
 */
public final class Saga {
    private Saga() {
    }

    /**
     * Starts the definition of a saga over data of the given type (usually a record, stored as JSON).
     *
     * @param name     unique among the definitions registered with one engine
     * @param dataType the class that the saga's data deserializes into
     */
    public static <D> SagaBuilder<D> define(String name, Class<D> dataType) {
        return new SagaBuilder<>(name, dataType);
    }
}
