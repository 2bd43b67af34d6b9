package dev.sagaflow.transport.kafka;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageEnvelope;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The Kafka transport: a channel is a topic, a group is a consumer group (named
 * {@code group@channel}, so one group name may serve several channels). Records are keyed by saga
 * id, so one saga's messages share a partition; the message's own fields travel as headers
 * ({@link MessageEnvelope}). Sends wait for {@code acks=all} from an idempotent producer; a
 * consumer commits an offset only once the handlers of every record before it have returned.
 *
 * <pre>{@code
 * Transport kafka = KafkaTransport.connect("127.0.0.1:9092");
 * }</pre>
 */
public final class KafkaTransport implements Transport {
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final Map<String, String> clientProperties;
    private final int partitions;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();
    private final Set<KafkaSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private KafkaTransport(Builder b) {
        this.bootstrapServers = b.bootstrapServers;
        this.clientProperties = Map.copyOf(b.properties);
        this.partitions = b.partitions;
        Properties adminConfig = clientConfig("sagaflow-admin");
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS));
        String unreachable = BrokerProbe.unreachable(bootstrapServers, b.connectTimeout);
        if (unreachable != null) {
            throw cannotConnect(unreachable, null);
        }
        this.admin = createAdmin(adminConfig);
        String silent = BrokerProbe.notAnswering(admin, b.connectTimeout);
        if (silent != null) {
            admin.close(Duration.ZERO);
            throw cannotConnect(silent, null);
        }
        Properties producerConfig = clientConfig("sagaflow-producer");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        producerConfig.putAll(clientProperties);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    }

    private Admin createAdmin(Properties config) {
        try {
            return Admin.create(config);
        } catch (org.apache.kafka.common.KafkaException e) {
            // An address that does not resolve at all, or a client property Kafka refuses.
            throw cannotConnect(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    private KafkaTransportException cannotConnect(String why, Throwable cause) {
        return new KafkaTransportException("Cannot connect to Kafka at " + bootstrapServers + ": " + why, cause);
    }

    /** A transport on the cluster at {@code bootstrapServers} ({@code host:port[,host:port…]}), with defaults. */
    public static KafkaTransport connect(String bootstrapServers) {
        return builder(bootstrapServers).build();
    }

    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    Properties clientConfig(String clientId) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(clientProperties);
        return config;
    }

    static String consumerGroup(String channel, String group) {
        return group + "@" + channel;
    }

    @Override
    public void declare(String channel, String group) {
        requireTopicName(channel);
        Objects.requireNonNull(group, "group");
        ensureTopic(channel);
        // A topic just made may not have its leaders yet: its offsets cannot be read for a moment.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        while (true) {
            try {
                startGroupAtEnd(channel, group);
                return;
            } catch (KafkaTransportException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException) || System.nanoTime() > until) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void startGroupAtEnd(String channel, String group) {
        String groupId = consumerGroup(channel, group);
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (committed.values().stream().anyMatch(Objects::nonNull)) {
                return; // an existing subscriber: it goes on from where it is
            }
            // A new group starts at the end, as a queue bound now would: it gets what is sent from now on.
            TopicDescription topic = admin.describeTopics(List.of(channel)).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(channel);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            topic.partitions().forEach(p -> ends.put(new TopicPartition(channel, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
                    admin.listOffsets(ends).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            latest.forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(groupId, start).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // A member of the group is already running (its offsets are its own), or the group
            // started in between: either way the group exists and nothing is skipped for it.
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownMemberIdException
                    || e.getCause() instanceof org.apache.kafka.common.errors.RebalanceInProgressException
                    || String.valueOf(e.getCause()).contains("non-empty group"))) {
                throw failure("declaring group " + group + " on " + channel, e.getCause());
            }
        } catch (TimeoutException e) {
            throw failure("declaring group " + group + " on " + channel, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("declaring group " + group + " on " + channel, e);
        }
    }

    private void ensureTopic(String channel) {
        if (knownTopics.contains(channel)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(channel, Optional.of(partitions), Optional.empty())))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("creating topic " + channel, e.getCause());
            }
        } catch (TimeoutException e) {
            throw failure("creating topic " + channel, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("creating topic " + channel, e);
        }
        knownTopics.add(channel);
    }

    @Override
    public void send(List<Message> messages) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(messages.size());
        for (Message m : messages) {
            requireTopicName(m.channel());
            ensureTopic(m.channel());
        }
        for (Message m : messages) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(m.channel(), m.sagaId(),
                    m.payload().getBytes(StandardCharsets.UTF_8));
            MessageEnvelope.headersOf(m).forEach((name, value) ->
                    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            sent.add(producer.send(record));
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (ExecutionException e) {
                throw failure("sending " + messages.get(i).type() + " " + messages.get(i).id() + " to "
                        + messages.get(i).channel(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("sending to " + messages.get(i).channel(), e);
            }
        }
    }

    @Override
    public Subscription subscribe(String channel, String group, MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        declare(channel, group);
        KafkaSubscription subscription = new KafkaSubscription(this, channel, group, handler, subscriptions::remove);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void close() {
        List.copyOf(subscriptions).forEach(KafkaSubscription::close);
        producer.close(java.time.Duration.ofSeconds(10));
        admin.close(java.time.Duration.ofSeconds(10));
    }

    private static void requireTopicName(String channel) {
        if (channel == null || !TOPIC_NAME.matcher(channel).matches() || channel.equals(".") || channel.equals("..")) {
            throw new IllegalArgumentException("channel must be a Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -); was '"
                    + channel + "'");
        }
    }

    private KafkaTransportException failure(String what, Throwable cause) {
        return new KafkaTransportException("Kafka at " + bootstrapServers + ": " + what + " failed: " + cause, cause);
    }

    public static final class Builder {
        private final String bootstrapServers;
        private final Map<String, String> properties = new HashMap<>();
        private int partitions = 8;
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder(String bootstrapServers) {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("bootstrapServers must be host:port[,host:port...]; was blank");
            }
            this.bootstrapServers = bootstrapServers.strip();
        }

        /** Partitions of the topics this transport creates (default 8): how many consumers of a group work at once. */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1; was " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /**
         * How long connecting may take before it fails with a message naming the cause (default
         * 10 s): a bootstrap address where nothing listens fails at once, one that accepts but does
         * not answer as a Kafka broker after this long.
         */
        public Builder connectTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive; was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /** A Kafka client property for the producer, consumers and admin client (security, timeouts). */
        public Builder property(String name, String value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public KafkaTransport build() {
            return new KafkaTransport(this);
        }
    }
}
