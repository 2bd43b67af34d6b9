package dev.sagaflow.examples.orders;

/** The failures an order can genuinely meet; the saga's retry policies treat them as final. */
public final class BusinessFailures {
    private BusinessFailures() {
    }

    public static final class OutOfStockException extends Exception {
        public OutOfStockException(String sku, int wanted, long available) {
            super("no stock: " + wanted + " x " + sku + " wanted, " + available + " available");
        }
    }

    public static final class CardDeclinedException extends Exception {
        public CardDeclinedException(String card) {
            super("payment declined for card ending " + card.substring(card.length() - 4));
        }
    }

    /** Retried by the pivot's policy; the saga fails when it outlasts the retries. */
    public static final class CarrierDownException extends Exception {
        public CarrierDownException(String region) {
            super("carrier down: no carrier serves region " + region);
        }
    }
}
