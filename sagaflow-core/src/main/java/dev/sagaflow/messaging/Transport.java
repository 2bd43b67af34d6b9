package dev.sagaflow.messaging;

import java.util.List;

/**
 * Carries messages between the engine, participants and choreographed services. A channel is
 * consumed by groups: every group subscribed to a channel gets each message sent to it, and
 * within a group one consumer handles it (competing consumers). Delivery is at least once and
 * unordered across redeliveries; the outbox on the sending side and the inbox on the receiving
 * side turn that into exactly-once effects.
 *
 * <p>Implementations: the JDBC-table transport (no broker), Kafka and RabbitMQ, each in its own
 * module. All are safe for use by several threads.
 */
public interface Transport extends AutoCloseable {

    /**
     * Makes the group a durable subscriber of the channel, so that messages sent from now on are kept
     * for it even while none of its consumers runs. {@link #subscribe} declares too; call this at
     * deployment or before the first send when consumers may start later.
     */
    void declare(String channel, String group);

    /** Sends the messages and returns once the transport holds them durably; on an exception, any of them may have been sent. */
    void send(List<Message> messages);

    /**
     * Consumes the channel as one member of the group until the returned subscription is closed.
     * The handler runs on the transport's threads; a message is acknowledged when it returns.
     */
    Subscription subscribe(String channel, String group, MessageHandler handler);

    /** Transport name for logs and reports, e.g. {@code kafka}. */
    String name();

    @Override
    void close();

    /** A running consumer; closing it stops delivery to this member (its unacknowledged messages go to others). */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
