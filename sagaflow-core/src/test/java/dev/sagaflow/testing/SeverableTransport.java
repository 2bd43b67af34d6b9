package dev.sagaflow.testing;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A node's connection to a shared transport that can be cut for good: after {@link #sever()} its
 * sends fail, and its consumers stop (a message they hold is handed back, as a broker does with the
 * unacknowledged messages of a consumer that died), so the group's other members get it. Closing it
 * leaves the shared transport open.
 */
public final class SeverableTransport implements Transport {
    private final Transport delegate;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean severed;

    public SeverableTransport(Transport delegate) {
        this.delegate = delegate;
    }

    /** Cuts this node off; its consumers are closed on a thread of their own, so this returns at once. */
    public void sever() {
        severed = true;
        Thread.ofVirtual().name("sever-consumers").start(() -> subscriptions.forEach(Subscription::close));
    }

    private void requireAlive() {
        if (severed) {
            throw new IllegalStateException("injected: this node is killed, the broker is out of its reach");
        }
    }

    @Override
    public void declare(String channel, String group) {
        requireAlive();
        delegate.declare(channel, group);
    }

    @Override
    public void send(List<Message> messages) {
        requireAlive();
        delegate.send(messages);
    }

    @Override
    public Subscription subscribe(String channel, String group, MessageHandler handler) {
        requireAlive();
        Subscription subscription = delegate.subscribe(channel, group, message -> {
            requireAlive();
            handler.handle(message);
        });
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public String name() {
        return delegate.name() + " (severable)";
    }

    @Override
    public void close() {
        // The shared transport is the test's.
    }
}
