package dev.sagaflow.examples.orders;

/** One line of an order in the parallel demo: reserved by a child saga of its own. */
public record OrderLine(String orderId, int index, String sku, int quantity) {
}
