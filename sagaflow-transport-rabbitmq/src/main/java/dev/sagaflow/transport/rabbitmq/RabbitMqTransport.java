package dev.sagaflow.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.DefaultExceptionHandler;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageEnvelope;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The RabbitMQ transport: a channel is a durable fanout exchange of that name, a group is a durable
 * queue {@code group@channel} bound to it. Messages are persistent and published with confirms, so
 * {@link #send} returns once the broker has them on disk; consumers acknowledge by hand after the
 * handler returns. The client reconnects by itself after a broker restart and declares the queues
 * and consumers again.
 *
 * <pre>{@code
 * Transport rabbit = RabbitMqTransport.connect("amqp://guest:guest@127.0.0.1:5672/%2F");
 * }</pre>
 */
public final class RabbitMqTransport implements Transport {
    private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String where;
    private final int prefetch;
    private final Connection connection;
    private final ReentrantLock publishLock = new ReentrantLock();
    private final ReentrantLock declareLock = new ReentrantLock();
    /**
     * Declarations go through this one long-lived channel: after a broker restart the client
     * declares the recorded exchanges, queues and bindings again on the channel that made them,
     * and a channel closed by then could not.
     */
    private Channel declaring;
    private final Set<String> declaredExchanges = ConcurrentHashMap.newKeySet();
    private final Set<RabbitMqSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private Channel publishing;

    private RabbitMqTransport(String uri, int prefetch) {
        this.where = redact(uri);
        this.prefetch = prefetch;
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalArgumentException("RabbitMQ URI must be amqp://user:password@host:port/vhost; was "
                    + where + " (" + e.getMessage() + ")", e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1_000);
        // A broker that cannot be reached or does not answer is reported within seconds.
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setHandshakeTimeout(CONNECT_TIMEOUT_MILLIS);
        AtomicBoolean connected = new AtomicBoolean();
        factory.setExceptionHandler(new DefaultExceptionHandler() {
            @Override
            public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
                // A failed connect (a refused login resets the socket) is reported once, by the
                // exception below; a WARN with "Connection reset" before it would only confuse.
                if (connected.get()) {
                    super.handleUnexpectedConnectionDriverException(conn, exception);
                }
            }
        });
        try {
            this.connection = factory.newConnection("sagaflow");
            connected.set(true);
        } catch (IOException | TimeoutException e) {
            throw new RabbitMqTransportException("Cannot connect to RabbitMQ at " + where + ": "
                    + ConnectFailure.describe(e, factory), e);
        }
    }

    /** A transport on the broker and virtual host of {@code uri}, e.g. {@code amqp://guest:guest@127.0.0.1:5672/%2F}. */
    public static RabbitMqTransport connect(String uri) {
        return connect(uri, 64);
    }

    /** @param prefetch unacknowledged messages a consumer holds at once: how many handlers run in parallel */
    public static RabbitMqTransport connect(String uri, int prefetch) {
        Objects.requireNonNull(uri, "uri");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1; was " + prefetch);
        }
        return new RabbitMqTransport(uri, prefetch);
    }

    static String queue(String channel, String group) {
        return group + "@" + channel;
    }

    @Override
    public void declare(String channel, String group) {
        requireName(channel, "channel");
        requireName(group, "group");
        declareLock.lock();
        try {
            Channel ch = declaringChannel();
            ch.exchangeDeclare(channel, BuiltinExchangeType.FANOUT, true);
            String queue = queue(channel, group);
            ch.queueDeclare(queue, true, false, false, null);
            ch.queueBind(queue, channel, "");
            declaredExchanges.add(channel);
        } catch (IOException | RuntimeException e) {
            throw failure("declaring group " + group + " on " + channel, e);
        } finally {
            declareLock.unlock();
        }
    }

    private void ensureExchange(String channel) throws IOException {
        if (declaredExchanges.contains(channel)) {
            return;
        }
        declareLock.lock();
        try {
            declaringChannel().exchangeDeclare(channel, BuiltinExchangeType.FANOUT, true);
            declaredExchanges.add(channel);
        } finally {
            declareLock.unlock();
        }
    }

    private Channel declaringChannel() throws IOException {
        if (declaring == null || !declaring.isOpen()) {
            declaring = connection.createChannel();
        }
        return declaring;
    }

    @Override
    public void send(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        publishLock.lock();
        try {
            Channel ch = publishingChannel();
            for (Message m : messages) {
                requireName(m.channel(), "channel");
                ensureExchange(m.channel());
                Map<String, Object> headers = new HashMap<>(MessageEnvelope.headersOf(m));
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .messageId(m.id())
                        .type(m.type())
                        .correlationId(m.correlationId())
                        .contentType("application/json")
                        .deliveryMode(2)
                        .headers(headers)
                        .build();
                ch.basicPublish(m.channel(), "", props, m.payload().getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (IOException | TimeoutException | RuntimeException e) {
            // Unconfirmed: the caller sends again (duplicates are absorbed by ids). Start a fresh
            // channel, since a failed one may hold confirms that will never come.
            closeQuietly(publishing);
            publishing = null;
            throw failure("sending " + messages.size() + " message(s)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("sending", e);
        } finally {
            publishLock.unlock();
        }
    }

    private Channel publishingChannel() throws IOException {
        if (publishing == null || !publishing.isOpen()) {
            publishing = connection.createChannel();
            publishing.confirmSelect();
        }
        return publishing;
    }

    @Override
    public Subscription subscribe(String channel, String group, MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        declare(channel, group);
        try {
            RabbitMqSubscription s = new RabbitMqSubscription(connection.createChannel(), queue(channel, group), prefetch,
                    handler, subscriptions::remove);
            subscriptions.add(s);
            s.start();
            return s;
        } catch (IOException | RuntimeException e) {
            throw failure("subscribing group " + group + " to " + channel, e);
        }
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public void close() {
        List.copyOf(subscriptions).forEach(RabbitMqSubscription::close);
        publishLock.lock();
        try {
            closeQuietly(publishing);
        } finally {
            publishLock.unlock();
        }
        closeQuietly(declaring);
        try {
            connection.close(10_000);
        } catch (IOException | RuntimeException ignored) {
            // already closed by the broker or the network
        }
    }

    static void closeQuietly(Channel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // a closed or broken channel has nothing left to give back
        }
    }

    private static void requireName(String name, String field) {
        if (name == null || name.isBlank() || name.length() > 127) {
            throw new IllegalArgumentException(field + " must be 1 to 127 characters; was '" + name + "'");
        }
    }

    private RabbitMqTransportException failure(String what, Exception cause) {
        return new RabbitMqTransportException("RabbitMQ at " + where + ": " + what + " failed: " + cause, cause);
    }

    private static String redact(String uri) {
        return uri == null ? "null" : uri.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }
}
