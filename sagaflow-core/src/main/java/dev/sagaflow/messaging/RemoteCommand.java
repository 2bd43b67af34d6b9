package dev.sagaflow.messaging;

import java.util.function.Function;

/**
 * A command a remote step sends: to {@code channel}, of {@code type}, with a body built from the
 * saga data (written as JSON).
 */
public record RemoteCommand<D>(String channel, String type, Function<? super D, ?> payload) {
}
