package dev.sagaflow.transport.jdbc;

import dev.sagaflow.internal.Worker;
import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    private final Worker worker;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();

    JdbcConsumer(JdbcTransport transport, String channel, String group, MessageHandler handler, String name) {
        this.transport = transport;
        this.channel = channel;
        this.group = group;
        this.handler = handler;
        this.worker = Worker.builder("sagaflow-jdbc-" + name, "consuming " + channel + " as " + group, this::consume)
                .idle(transport.pollInterval()).build();
    }

    void start() {
        worker.start();
    }

    void wakeUp() {
        worker.wakeUp();
    }

    private Next consume() {
        List<Message> batch = transport.claim(channel, group);
        if (!batch.isEmpty()) {
            handle(batch);
        }
        return batch.size() < transport.batchSize() ? Next.IDLE : Next.AGAIN;
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
        worker.stop(Duration.ofSeconds(10));
        handlers.shutdownNow();
    }
}
