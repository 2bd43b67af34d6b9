package dev.sagaflow.messaging;

import dev.sagaflow.internal.Identifiers;

import java.util.Objects;
import java.util.function.Function;

/**
 * A command a remote step sends: to {@code channel}, of {@code type}, with a body built from the
 * saga data (written as JSON).
 */
public record RemoteCommand<D>(String channel, String type, Function<? super D, ?> payload) {
    /** Channel and type travel in every message and sit in outbox columns: text any store can hold. */
    public RemoteCommand {
        Identifiers.require(channel, "channel of a command", 200);
        Identifiers.require(type, "type of a command", 200);
        Objects.requireNonNull(payload, "payload");
    }
}
