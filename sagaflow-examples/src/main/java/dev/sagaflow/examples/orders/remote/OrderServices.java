package dev.sagaflow.examples.orders.remote;

import dev.sagaflow.examples.orders.BusinessFailures.CardDeclinedException;
import dev.sagaflow.examples.orders.BusinessFailures.CarrierDownException;
import dev.sagaflow.examples.orders.BusinessFailures.OutOfStockException;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.InventoryService;
import dev.sagaflow.examples.orders.NotificationService;
import dev.sagaflow.examples.orders.Order;
import dev.sagaflow.examples.orders.PaymentService;
import dev.sagaflow.examples.orders.ShippingService;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.participant.CommandContext;
import dev.sagaflow.participant.CommandRejectedException;
import dev.sagaflow.participant.Participant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

import static dev.sagaflow.examples.orders.remote.OrderMessages.INVENTORY_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.INVENTORY_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.NOTIFICATION_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.NOTIFICATION_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.ORDER_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.PAYMENT_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.PAYMENT_EVENTS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.SHIPPING_COMMANDS;
import static dev.sagaflow.examples.orders.remote.OrderMessages.SHIPPING_EVENTS;

/**
 * One of the demo's four services as a process of its own: its ledger (DIR/SERVICE.db) is also the
 * database of its inbox and outbox, so each message's business write, inbox row and reply or events
 * commit in one SQLite transaction. It answers commands (orchestration) or reacts to events
 * (choreography).
 */
public final class OrderServices {
    public enum Mode { ORCHESTRATION, CHOREOGRAPHY }

    private OrderServices() {
    }

    /** A running service; closing it stops consuming and closes its ledger. */
    public record Running(Participant participant, AutoCloseable service) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            participant.close();
            service.close();
        }
    }

    public static Running start(String service, Mode mode, Path dir, Transport transport, Faults faults,
                                Duration callTime) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Path ledger = dir.resolve(service + ".db");
        Participant.Builder builder = Participant.builder(service, ledger.toString(), transport);
        AutoCloseable opened = switch (service) {
            case "inventory" -> inventory(builder, mode, new InventoryService(ledger, faults, callTime));
            case "payments" -> payments(builder, mode, new PaymentService(ledger, faults, callTime));
            case "shipping" -> shipping(builder, mode, new ShippingService(ledger, faults, callTime));
            case "notifications" -> notifications(builder, mode, new NotificationService(ledger, faults, callTime));
            default -> throw new IllegalArgumentException("service must be one of " + Arrays.toString(OrderMessages.SERVICES)
                    + "; was '" + service + "'");
        };
        return new Running(builder.build().start(), opened);
    }

    /** The idempotency key of a step in choreography: the same for the step and its compensation, as in orchestration. */
    private static String key(CommandContext ctx, String step) {
        return ctx.sagaId() + "/" + step;
    }

    private static AutoCloseable inventory(Participant.Builder b, Mode mode, InventoryService inventory) {
        if (mode == Mode.ORCHESTRATION) {
            b.handle(INVENTORY_COMMANDS, "ReserveInventory", Order.class, (order, ctx) -> {
                try {
                    inventory.reserve(ctx.connection(), ctx.idempotencyKey(), order);
                } catch (OutOfStockException e) {
                    throw new CommandRejectedException(e.getMessage());
                } catch (Exception e) {
                    throw rethrow(e);
                }
                return Reply.success(order);
            });
            b.handleCompensation(INVENTORY_COMMANDS, "ReleaseInventory", Order.class, "ReserveInventory", (order, ctx) -> {
                run(() -> inventory.release(ctx.connection(), ctx.idempotencyKey(), order));
                return Reply.success(order);
            });
        } else {
            b.on(ORDER_EVENTS, "OrderPlaced", Order.class, (order, ctx) -> {
                try {
                    inventory.reserve(ctx.connection(), key(ctx, "reserve-inventory"), order);
                    ctx.publish(INVENTORY_EVENTS, "StockReserved", order);
                } catch (OutOfStockException e) {
                    ctx.publish(INVENTORY_EVENTS, "StockRejected", order);
                } catch (Exception e) {
                    throw rethrow(e);
                }
            });
            // Whatever undoes the charge (or means there was none) undoes the reservation too.
            dev.sagaflow.participant.EventHandler<Order> release = (order, ctx) -> {
                run(() -> inventory.release(ctx.connection(), key(ctx, "reserve-inventory"), order));
                ctx.publish(INVENTORY_EVENTS, "StockReleased", order);
            };
            b.on(PAYMENT_EVENTS, "PaymentDeclined", Order.class, release);
            b.on(PAYMENT_EVENTS, "PaymentRefunded", Order.class, release);
        }
        return inventory;
    }

    private static AutoCloseable payments(Participant.Builder b, Mode mode, PaymentService payments) {
        if (mode == Mode.ORCHESTRATION) {
            b.handle(PAYMENT_COMMANDS, "ChargePayment", Order.class, (order, ctx) -> {
                try {
                    return Reply.success(order.withChargeId(payments.charge(ctx.connection(), ctx.idempotencyKey(), order)));
                } catch (CardDeclinedException e) {
                    throw new CommandRejectedException(e.getMessage());
                } catch (Exception e) {
                    throw rethrow(e);
                }
            });
            b.handleCompensation(PAYMENT_COMMANDS, "RefundPayment", Order.class, "ChargePayment", (order, ctx) -> {
                run(() -> payments.refund(ctx.connection(), ctx.idempotencyKey(), order));
                return Reply.success(order);
            });
        } else {
            b.on(INVENTORY_EVENTS, "StockReserved", Order.class, (order, ctx) -> {
                try {
                    ctx.publish(PAYMENT_EVENTS, "PaymentCharged",
                            order.withChargeId(payments.charge(ctx.connection(), key(ctx, "charge-payment"), order)));
                } catch (CardDeclinedException e) {
                    ctx.publish(PAYMENT_EVENTS, "PaymentDeclined", order);
                } catch (Exception e) {
                    throw rethrow(e);
                }
            });
            b.on(SHIPPING_EVENTS, "ShipmentRejected", Order.class, (order, ctx) -> {
                run(() -> payments.refund(ctx.connection(), key(ctx, "charge-payment"), order));
                ctx.publish(PAYMENT_EVENTS, "PaymentRefunded", order);
            });
        }
        return payments;
    }

    private static AutoCloseable shipping(Participant.Builder b, Mode mode, ShippingService shipping) {
        if (mode == Mode.ORCHESTRATION) {
            b.handle(SHIPPING_COMMANDS, "CreateShipment", Order.class, (order, ctx) -> {
                try {
                    return Reply.success(order.withTrackingNumber(shipping.ship(ctx.connection(), ctx.idempotencyKey(), order)));
                } catch (CarrierDownException e) {
                    return Reply.retryableFailure(e.getMessage()); // the pivot's policy retries, then compensates
                } catch (Exception e) {
                    throw rethrow(e);
                }
            });
        } else {
            b.on(PAYMENT_EVENTS, "PaymentCharged", Order.class, (order, ctx) -> {
                try {
                    ctx.publish(SHIPPING_EVENTS, "ShipmentCreated",
                            order.withTrackingNumber(shipping.ship(ctx.connection(), key(ctx, "create-shipment"), order)));
                } catch (CarrierDownException e) {
                    ctx.publish(SHIPPING_EVENTS, "ShipmentRejected", order);
                } catch (Exception e) {
                    throw rethrow(e);
                }
            });
        }
        return shipping;
    }

    private static AutoCloseable notifications(Participant.Builder b, Mode mode, NotificationService notifications) {
        if (mode == Mode.ORCHESTRATION) {
            b.handle(NOTIFICATION_COMMANDS, "SendConfirmation", Order.class, (order, ctx) -> {
                run(() -> notifications.confirm(ctx.connection(), ctx.idempotencyKey(), order));
                return Reply.success(order);
            });
        } else {
            b.on(SHIPPING_EVENTS, "ShipmentCreated", Order.class, (order, ctx) -> {
                run(() -> notifications.confirm(ctx.connection(), key(ctx, "send-confirmation"), order));
                ctx.publish(NOTIFICATION_EVENTS, "OrderConfirmed", order);
            });
        }
        return notifications;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void run(Call call) throws SQLException {
        try {
            call.run();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    /** SQL failures leave the message to come again; anything else (the service unreachable) too, as a runtime failure. */
    private static RuntimeException rethrow(Exception e) throws SQLException {
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(e.getMessage(), e);
    }
}
