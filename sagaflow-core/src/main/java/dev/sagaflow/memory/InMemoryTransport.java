package dev.sagaflow.memory;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A transport within one JVM: for tests and for measuring the engine without a broker. Not durable.
 * Keeps the semantics of the real ones: every declared group of a channel gets each message, one
 * member of a group handles it, a handler that throws gets it again later, and handlers run
 * concurrently, so delivery order is not guaranteed.
 */
public final class InMemoryTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(InMemoryTransport.class);
    private static final long REDELIVERY_DELAY_MILLIS = 100;

    private final Map<String, Map<String, LinkedBlockingQueue<Message>>> channels = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final int concurrency;
    private volatile boolean closed;

    public InMemoryTransport() {
        this(64);
    }

    /** @param concurrency messages handled at once per subscription */
    public InMemoryTransport(int concurrency) {
        this.concurrency = concurrency;
    }

    @Override
    public void declare(String channel, String group) {
        queue(channel, group);
    }

    private LinkedBlockingQueue<Message> queue(String channel, String group) {
        return channels.computeIfAbsent(channel, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(group, g -> new LinkedBlockingQueue<>());
    }

    @Override
    public void send(List<Message> messages) {
        if (closed) {
            throw new IllegalStateException("the in-memory transport is closed");
        }
        for (Message m : messages) {
            Map<String, LinkedBlockingQueue<Message>> groups = channels.get(m.channel());
            if (groups == null || groups.isEmpty()) {
                log.warn("message {} ({}) to channel {} dropped: no group is subscribed to it", m.id(), m.type(), m.channel());
                continue;
            }
            groups.values().forEach(q -> q.add(m));
        }
    }

    @Override
    public Subscription subscribe(String channel, String group, MessageHandler handler) {
        LinkedBlockingQueue<Message> queue = queue(channel, group);
        Semaphore permits = new Semaphore(concurrency);
        Thread consumer = Thread.ofVirtual().name("in-memory-" + channel + "-" + group).start(() -> {
            while (!closed && !Thread.currentThread().isInterrupted()) {
                try {
                    Message m = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (m == null) {
                        continue;
                    }
                    permits.acquire();
                    threads.execute(() -> {
                        try {
                            handler.handle(m);
                        } catch (Exception e) {
                            log.debug("handler of {} failed on {}; delivered again later: {}", channel, m.id(), e.toString());
                            threads.execute(() -> {
                                try {
                                    Thread.sleep(REDELIVERY_DELAY_MILLIS);
                                } catch (InterruptedException ignored) {
                                    return;
                                }
                                queue.add(m);
                            });
                        } finally {
                            permits.release();
                        }
                    });
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return () -> {
            consumer.interrupt();
            try {
                consumer.join(5_000);
                // Let the handlers under way finish, as a broker consumer's close does.
                permits.tryAcquire(concurrency, 10, TimeUnit.SECONDS);
                permits.release(concurrency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Override
    public String name() {
        return "in-memory";
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
    }
}
