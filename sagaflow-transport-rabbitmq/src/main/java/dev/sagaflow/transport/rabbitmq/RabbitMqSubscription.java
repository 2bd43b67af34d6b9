package dev.sagaflow.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageEnvelope;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One consumer of a group's queue: each delivery's handler runs on a virtual thread (up to the
 * prefetch at once) and is acknowledged when it returns; a failed one is given back to the queue
 * a second later. After a broker restart the client recovers the channel and this consumer, and
 * acknowledgements of deliveries from before it are dropped (the broker delivers those again).
 */
final class RabbitMqSubscription implements Transport.Subscription {
    private static final Logger log = LoggerFactory.getLogger(RabbitMqSubscription.class);
    private static final long RETRY_DELAY_MILLIS = 1_000;

    private final Channel channel;
    private final String queue;
    private final int prefetch;
    private final MessageHandler handler;
    private final Consumer<RabbitMqSubscription> onClose;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private String consumerTag;

    RabbitMqSubscription(Channel channel, String queue, int prefetch, MessageHandler handler,
                         Consumer<RabbitMqSubscription> onClose) {
        this.channel = channel;
        this.queue = queue;
        this.prefetch = prefetch;
        this.handler = handler;
        this.onClose = onClose;
    }

    void start() throws IOException {
        channel.basicQos(prefetch);
        consumerTag = channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                Message message = decode(envelope, properties, body);
                if (message == null) {
                    settle(envelope.getDeliveryTag(), true); // it would fail the same way forever
                    return;
                }
                handlers.submit(() -> run(message, envelope.getDeliveryTag()));
            }
        });
    }

    private void run(Message message, long deliveryTag) {
        try {
            handler.handle(message);
            settle(deliveryTag, true);
        } catch (Exception e) {
            log.debug("handler of {} failed on {}; it comes again: {}", queue, message.id(), e.toString());
            try {
                Thread.sleep(RETRY_DELAY_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return; // closing: the channel's close gives it back
            }
            settle(deliveryTag, false);
        }
    }

    private void settle(long deliveryTag, boolean handled) {
        if (!running || !channel.isOpen()) {
            return; // closing, or the connection dropped: unacknowledged deliveries go back to the queue
        }
        try {
            synchronized (channel) {
                if (handled) {
                    channel.basicAck(deliveryTag, false);
                } else {
                    channel.basicNack(deliveryTag, false, true);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("settling delivery {} of {} failed; the broker delivers it again: {}", deliveryTag, queue, e.toString());
        }
    }

    private Message decode(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((k, v) -> headers.put(k, v == null ? "" : v.toString()));
        }
        try {
            return MessageEnvelope.toMessage(envelope.getExchange(), headers, new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            log.error("passing over a message on {}: {}", queue, e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        try {
            if (channel.isOpen() && consumerTag != null) {
                channel.basicCancel(consumerTag);
            }
        } catch (IOException | RuntimeException ignored) {
            // the channel is gone; so is the consumer
        }
        handlers.shutdown();
        try {
            handlers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        RabbitMqTransport.closeQuietly(channel);
        handlers.shutdownNow();
        onClose.accept(this);
    }
}
