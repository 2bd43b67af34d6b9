package dev.sagaflow.examples.orders;

import java.util.List;

/** The parallel demo's saga data: the order and its lines (each reserved by a child saga of its own). */
public record LinedOrder(Order order, List<OrderLine> lines) {

    public LinedOrder withChargeId(String charge) {
        return new LinedOrder(order.withChargeId(charge), lines);
    }

    public LinedOrder withTrackingNumber(String tracking) {
        return new LinedOrder(order.withTrackingNumber(tracking), lines);
    }
}
