package dev.sagaflow.examples.orders.remote;

/** Channels and message types of the order flow when its services run as separate processes. */
public final class OrderMessages {
    public static final String INVENTORY_COMMANDS = "inventory.commands";
    public static final String PAYMENT_COMMANDS = "payments.commands";
    public static final String SHIPPING_COMMANDS = "shipping.commands";
    public static final String NOTIFICATION_COMMANDS = "notifications.commands";

    public static final String ORDER_EVENTS = "orders.events";
    public static final String INVENTORY_EVENTS = "inventory.events";
    public static final String PAYMENT_EVENTS = "payments.events";
    public static final String SHIPPING_EVENTS = "shipping.events";
    public static final String NOTIFICATION_EVENTS = "notifications.events";

    /** The four services, as named on the command line and in their database files. */
    public static final String[] SERVICES = {"inventory", "payments", "shipping", "notifications"};

    private OrderMessages() {
    }
}
