package dev.sagaflow.examples.orders;

/**
 * The demo's orders, {@code order-1..order-N}, the same on every run so that a resumed run agrees
 * with the one it resumes. A share of them is made to fail at one of three steps, for a real
 * reason each participant checks: a sold-out SKU, a card the bank declines, a region no carrier serves.
 */
public final class OrderBook {
    public static final String SOLD_OUT_SKU = "SKU-SOLD-OUT";
    public static final String DECLINED_CARD = "4000000000000002";
    public static final String UNSERVED_REGION = "ATLANTIS";
    static final String[] SKUS = {"SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5"};
    private static final String GOOD_CARD = "4242424242424242";

    private final double failureRate;

    public OrderBook(double failureRate) {
        this.failureRate = failureRate;
    }

    public enum Fate { COMPLETES, NO_STOCK, CARD_DECLINED, CARRIER_DOWN }

    public static String id(int number) {
        return "order-" + number;
    }

    public Fate fate(int number) {
        if (unit(mix(number)) >= failureRate) {
            return Fate.COMPLETES;
        }
        return switch ((int) Long.remainderUnsigned(mix(number ^ 0x5DEECE66DL), 3)) {
            case 0 -> Fate.NO_STOCK;
            case 1 -> Fate.CARD_DECLINED;
            default -> Fate.CARRIER_DOWN;
        };
    }

    public Order order(int number) {
        Fate fate = fate(number);
        String sku = fate == Fate.NO_STOCK ? SOLD_OUT_SKU : SKUS[number % SKUS.length];
        String card = fate == Fate.CARD_DECLINED ? DECLINED_CARD : GOOD_CARD;
        String region = fate == Fate.CARRIER_DOWN ? UNSERVED_REGION : "EU-" + (number % 3);
        return new Order(id(number), sku, 1 + number % 3, 1_000 + (number % 97) * 100L, card, region, null, null);
    }

    /**
     * The order's lines for the parallel demo: one to three, their SKUs and quantities fixed by the
     * order number (the same on every run). An order meant to find no stock has its last line sold
     * out, so the lines before it are reserved and then released when the fan-out fails.
     */
    public java.util.List<OrderLine> lines(int number) {
        int count = 1 + (int) Long.remainderUnsigned(mix(number * 31L + 7), 3);
        java.util.List<OrderLine> lines = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean soldOut = fate(number) == Fate.NO_STOCK && i == count - 1;
            lines.add(new OrderLine(id(number), i, soldOut ? SOLD_OUT_SKU : SKUS[(number + i) % SKUS.length],
                    1 + (number + i) % 3));
        }
        return java.util.List.copyOf(lines);
    }

    /** The order with its lines, as the parallel demo starts it. */
    public LinedOrder linedOrder(int number) {
        return new LinedOrder(order(number), lines(number));
    }

    /** SplitMix64: a fixed, well-spread hash of the order number. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
