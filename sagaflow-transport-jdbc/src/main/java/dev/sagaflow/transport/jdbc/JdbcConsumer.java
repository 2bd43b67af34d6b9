package dev.sagaflow.transport.jdbc;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHandler;
import org.slf4j.Logger;
import dev.sagaflow.internal.Backoff;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One member of a group on a channel: claims a batch, runs the handler on each message at once
 * (virtual threads), acknowledges the handled ones in one statement and hands the failed ones out
 * again a second later.
 */
final class JdbcConsumer {
    private static final Logger log = LoggerFactory.getLogger(JdbcConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final JdbcTransport transport;
    private final String channel;
    private final String group;
    private final MessageHandler handler;
    private final Thread thread;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean running = true;

    JdbcConsumer(JdbcTransport transport, String channel, String group, MessageHandler handler, String name) {
        this.transport = transport;
        this.channel = channel;
        this.group = group;
        this.handler = handler;
        this.thread = Thread.ofPlatform().daemon().name("sagaflow-jdbc-" + name).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void wakeUp() {
        if (woken.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        Backoff backoff = new Backoff(() -> running);
        while (running) {
            try {
                woken.set(false);
                List<Message> batch = transport.claim(channel, group);
                if (!batch.isEmpty()) {
                    handle(batch);
                }
                backoff.succeeded();
                if (batch.size() < transport.batchSize() && !woken.get()) {
                    LockSupport.parkNanos(this, transport.pollInterval().toNanos());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                long wait = backoff.failed();
                log.warn("consuming {} as {} failed; retrying in {} ms: {}", channel, group, wait, e.toString());
                backoff.pause();
            }
        }
    }

    private void handle(List<Message> batch) {
        List<Future<?>> calls = new ArrayList<>(batch.size());
        for (Message m : batch) {
            calls.add(handlers.submit(() -> {
                handler.handle(m);
                return null;
            }));
        }
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                calls.get(i).get();
                done.add(batch.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // closing: the unacknowledged ones come back after their lease
            } catch (Exception e) {
                log.debug("handler of {} ({}) failed on {}; handed out again: {}", channel, group, batch.get(i).id(),
                        e.getCause() == null ? e.toString() : e.getCause().toString());
                failed.add(batch.get(i).id());
            }
        }
        transport.acknowledge(group, done);
        transport.retryLater(group, failed, RETRY_DELAY);
    }

    void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handlers.shutdownNow();
    }
}
