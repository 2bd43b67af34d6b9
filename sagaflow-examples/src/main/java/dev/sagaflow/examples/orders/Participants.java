package dev.sagaflow.examples.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The four services of the demo, each with its own SQLite ledger under one folder. */
public record Participants(InventoryService inventory, PaymentService payments, ShippingService shipping,
                           NotificationService notifications) implements AutoCloseable {

    /**
     * The four services with their ledgers in {@code dir}, failing as {@code faults} says, and refusing
     * the refunds {@link StalledRefunds} lists in {@code dir} (none unless a demo asked for stalled work).
     */
    public static Participants open(Path dir, Faults given, Duration callTime) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Faults faults = StalledRefunds.around(dir, given);
        return new Participants(new InventoryService(dir.resolve("inventory.db"), faults, callTime),
                new PaymentService(dir.resolve("payments.db"), faults, callTime),
                new ShippingService(dir.resolve("shipping.db"), faults, callTime),
                new NotificationService(dir.resolve("notifications.db"), faults, callTime));
    }

    @Override
    public void close() {
        inventory.close();
        payments.close();
        shipping.close();
        notifications.close();
    }
}
