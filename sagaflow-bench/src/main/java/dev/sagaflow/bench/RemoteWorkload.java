package dev.sagaflow.bench;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.bench.ReferenceWorkload.Order;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.participant.CommandRejectedException;
import dev.sagaflow.participant.Participant;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The reference workload with every step a command to a participant through a transport: the
 * participant (the library, with its inbox and outbox on a SQLite file of its own) runs in the
 * same JVM, so the figures are those of the engine, the transport and two durable databases.
 */
public final class RemoteWorkload {
    public static final String NAME = "reference-order-remote";
    static final String COMMANDS = "bench.commands";

    private RemoteWorkload() {
    }

    public static SagaDefinition<Order> definition() {
        Duration replyTimeout = Duration.ofMinutes(2);
        return Saga.define(NAME, Order.class)
                .step("reserve-inventory").sendCommand(COMMANDS, "Reserve", o -> o)
                    .compensateWithCommand(COMMANDS, "Release", o -> o).timeout(replyTimeout)
                .step("charge-payment").sendCommand(COMMANDS, "Charge", o -> o)
                    .onReply((o, reply) -> reply.payloadAs(Order.class))
                    .compensateWithCommand(COMMANDS, "Refund", o -> o).timeout(replyTimeout)
                .pivot("create-shipment").sendCommand(COMMANDS, "Ship", o -> o).timeout(replyTimeout)
                .retriable("send-confirmation").sendCommand(COMMANDS, "Confirm", o -> o).timeout(replyTimeout)
                .build();
    }

    /** The participant answering every command of the workload; 1 order in 10 is refused at shipment. */
    public static Participant participant(Path database, Transport transport) {
        return Participant.builder("bench-participant", database.toString(), transport)
                .handle(COMMANDS, "Reserve", Order.class, (o, ctx) -> Reply.success(null))
                .handleCompensation(COMMANDS, "Release", Order.class, "Reserve", (o, ctx) -> Reply.success(null))
                .handle(COMMANDS, "Charge", Order.class, (o, ctx) -> Reply.success(
                        new Order(o.id(), o.number(), o.sku(), o.quantity(), o.amountCents(), "ch-" + o.number())))
                .handleCompensation(COMMANDS, "Refund", Order.class, "Charge", (o, ctx) -> Reply.success(null))
                .handle(COMMANDS, "Ship", Order.class, (o, ctx) -> {
                    if (o.failsAtShipment()) {
                        throw new CommandRejectedException("carrier down for " + o.id());
                    }
                    return Reply.success(null);
                })
                .handle(COMMANDS, "Confirm", Order.class, (o, ctx) -> Reply.success(null))
                .build();
    }
}
