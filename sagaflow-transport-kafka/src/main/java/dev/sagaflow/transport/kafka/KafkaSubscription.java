package dev.sagaflow.transport.kafka;

import dev.sagaflow.internal.Worker;
import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageEnvelope;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One member of a consumer group: polls, runs the handler on every record of the batch at once
 * (virtual threads), then commits per partition up to the first record whose handler threw. That
 * partition is rewound to it and paused for a second, so the failed record and those after it come
 * again; records before it are never handled twice by this member.
 */
final class KafkaSubscription implements Transport.Subscription {
    private static final Logger log = LoggerFactory.getLogger(KafkaSubscription.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final String channel;
    private final String group;
    private final MessageHandler handler;
    private final Consumer<KafkaSubscription> onClose;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Worker worker;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    KafkaSubscription(KafkaTransport transport, String channel, String group, MessageHandler handler,
                      Consumer<KafkaSubscription> onClose) {
        this.channel = channel;
        this.group = group;
        this.handler = handler;
        this.onClose = onClose;
        Properties config = transport.clientConfig("sagaflow-" + group + "-" + UUID.randomUUID().toString().substring(0, 8));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaTransport.consumerGroup(channel, group));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only a group nobody declared starts here; declare() puts a new group at the end.
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        // A commit refused after a rebalance, a broker away for a while: the round fails and the records
        // whose offsets were not committed come again (here or to the member that has them now).
        // The consumer is single-threaded: only the worker's thread closes it, and wakeup() ends its poll.
        this.worker = Worker.builder("sagaflow-kafka-" + group + "@" + channel, "consuming " + channel + " as " + group,
                        this::consume)
                .cutShortBy(consumer::wakeup).onExit(() -> consumer.close(Duration.ofSeconds(5))).build();
    }

    void start() {
        consumer.subscribe(List.of(channel));
        worker.start();
    }

    private Next consume() {
        resumeDuePartitions();
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
            handle(records);
        }
        return Next.AGAIN;
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new HashMap<>();
        Map<ConsumerRecord<String, byte[]>, Future<?>> calls = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>()).add(record);
            Message message = decode(record);
            if (message != null) {
                calls.put(record, handlers.submit(() -> {
                    handler.handle(message);
                    return null;
                }));
            }
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (var entry : byPartition.entrySet()) {
            TopicPartition tp = entry.getKey();
            long next = -1;
            for (ConsumerRecord<String, byte[]> record : entry.getValue()) {
                if (!succeeded(calls.get(record), record)) {
                    consumer.seek(tp, record.offset());
                    consumer.pause(List.of(tp));
                    pausedUntil.put(tp, System.nanoTime() + RETRY_DELAY.toNanos());
                    break;
                }
                next = record.offset() + 1;
            }
            if (next >= 0) {
                commit.put(tp, new OffsetAndMetadata(next));
            }
        }
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
        }
    }

    private boolean succeeded(Future<?> call, ConsumerRecord<String, byte[]> record) {
        if (call == null) {
            return true; // undecodable: logged and passed over, it would fail the same way forever
        }
        try {
            call.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (Exception e) {
            log.debug("handler of {} ({}) failed at offset {} of partition {}; it comes again: {}", channel, group,
                    record.offset(), record.partition(), e.getCause() == null ? e.toString() : e.getCause().toString());
            return false;
        }
    }

    private Message decode(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        try {
            return MessageEnvelope.toMessage(record.topic(), headers, payload);
        } catch (IllegalArgumentException e) {
            log.error("passing over offset {} of partition {} of {}: {}", record.offset(), record.partition(),
                    record.topic(), e.getMessage());
            return null;
        }
    }

    private void resumeDuePartitions() {
        if (pausedUntil.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<TopicPartition> due = new ArrayList<>();
        pausedUntil.entrySet().removeIf(e -> {
            if (e.getValue() - now <= 0) {
                due.add(e.getKey());
                return true;
            }
            return false;
        });
        due.retainAll(consumer.assignment());
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        worker.stop(Duration.ofSeconds(15));
        handlers.shutdownNow();
        onClose.accept(this);
    }
}
