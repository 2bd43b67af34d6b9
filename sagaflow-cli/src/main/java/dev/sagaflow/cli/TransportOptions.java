package dev.sagaflow.cli;

import dev.sagaflow.messaging.Transport;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import dev.sagaflow.transport.kafka.KafkaTransport;
import dev.sagaflow.transport.rabbitmq.RabbitMqTransport;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --transport} and {@code --broker}: how the processes of a remote run reach each other. */
final class TransportOptions {
    enum Kind { jdbc, kafka, rabbitmq }

    static final String DEFAULT_RABBITMQ = "amqp://guest:guest@127.0.0.1:5672/%2F";

    @Option(names = "--transport", defaultValue = "jdbc", paramLabel = "KIND",
            description = "jdbc (messages in a database, no broker), kafka or rabbitmq (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.jdbc;

    @Option(names = "--broker", paramLabel = "URL",
            description = "jdbc: a jdbc:postgresql: URL or a SQLite file (default DIR/messages.db); "
                    + "kafka: host:port (required); rabbitmq: amqp://user:password@host:port/vhost (default "
                    + DEFAULT_RABBITMQ + ").")
    String broker;

    Transport open(Path dir) {
        return switch (kind) {
            case jdbc -> JdbcTransport.open(broker != null ? broker : dir.resolve("messages.db").toString());
            case kafka -> {
                if (broker == null) {
                    throw new IllegalArgumentException("--transport kafka needs --broker HOST:PORT of a Kafka cluster");
                }
                yield KafkaTransport.connect(broker);
            }
            case rabbitmq -> RabbitMqTransport.connect(broker != null ? broker : DEFAULT_RABBITMQ);
        };
    }

    /** The same options, for a process this one starts. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>(List.of("--transport", kind.name()));
        if (broker != null) {
            args.addAll(List.of("--broker", broker));
        }
        return args;
    }
}
