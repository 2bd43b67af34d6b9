package dev.sagaflow.examples.orders;

/** The payment sub-saga's data: what to take from which card, and the ids its two steps get back. */
public record Payment(String orderId, String card, long amountCents, String authorizationId, String chargeId) {

    public static Payment of(Order order) {
        return new Payment(order.id(), order.card(), order.amountCents(), null, null);
    }

    public Payment withAuthorizationId(String id) {
        return new Payment(orderId, card, amountCents, id, chargeId);
    }

    public Payment withChargeId(String id) {
        return new Payment(orderId, card, amountCents, authorizationId, id);
    }
}
