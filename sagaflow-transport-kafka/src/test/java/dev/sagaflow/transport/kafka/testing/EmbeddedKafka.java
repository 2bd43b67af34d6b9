package dev.sagaflow.transport.kafka.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (broker and KRaft controller in one) inside the test JVM, from the Kafka
 * artifacts on Maven Central: no server to install, none to mock. Its logs live in a temporary
 * folder removed on close.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka broker: " + e, e);
        }
    }

    /**
     * Runs a broker until Ctrl-C, for trying the Kafka transport on a machine without Kafka
     * ({@code bin/kafka-dev-broker}); prints {@code KAFKA_BROKER=host:port}.
     */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafka kafka = start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        System.out.println("KAFKA_BROKER=" + kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the in-process Kafka broker: " + e, e);
        }
    }
}
