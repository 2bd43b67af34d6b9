package dev.sagaflow.examples.approval;

/**
 * A purchase request, the saga's data: who asks, for how much, and, once someone decided, what and who.
 *
 * @param decision  {@code approved}, {@code rejected}, or {@code null} while nobody has answered
 * @param decidedBy {@code manager} or {@code director}, or {@code null}
 */
public record PurchaseRequest(String id, String requester, long amountCents, String decision, String decidedBy) {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    PurchaseRequest decided(Decision d) {
        return new PurchaseRequest(id, requester, amountCents, d.approved() ? APPROVED : REJECTED, d.by());
    }

    public boolean approved() {
        return APPROVED.equals(decision);
    }
}
