package dev.sagaflow.examples.orders;

/**
 * The saga's data. {@code chargeId} and {@code trackingNumber} are filled in by the steps that
 * create them (a step may return new data).
 */
public record Order(String id, String sku, int quantity, long amountCents, String card, String region,
                    String chargeId, String trackingNumber) {

    public Order withChargeId(String charge) {
        return new Order(id, sku, quantity, amountCents, card, region, charge, trackingNumber);
    }

    public Order withTrackingNumber(String tracking) {
        return new Order(id, sku, quantity, amountCents, card, region, chargeId, tracking);
    }
}
