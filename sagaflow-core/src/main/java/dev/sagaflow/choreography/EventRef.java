package dev.sagaflow.choreography;

import dev.sagaflow.messaging.Message;

/** An event of a choreography: its type on its channel. */
public record EventRef(String channel, String type) {
    public EventRef {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("event channel must not be blank");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank (channel " + channel + ")");
        }
    }

    public boolean matches(Message message) {
        return channel.equals(message.channel()) && type.equals(message.type());
    }

    @Override
    public String toString() {
        return type + " on " + channel;
    }
}
