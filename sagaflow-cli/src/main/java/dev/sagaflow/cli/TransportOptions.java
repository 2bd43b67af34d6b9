package dev.sagaflow.cli;

import dev.sagaflow.jdbc.internal.DatabaseLocation;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import dev.sagaflow.transport.kafka.KafkaTransport;
import dev.sagaflow.transport.rabbitmq.RabbitMqTransport;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code --transport} and {@code --broker}: how the processes of a remote run reach each other. */
final class TransportOptions {
    enum Kind { jdbc, kafka, rabbitmq }

    /** No vhost in the path: the client then uses the default one, {@code /} (and help text holds no {@code %}). */
    static final String DEFAULT_RABBITMQ = "amqp://guest:guest@127.0.0.1:5672";

    /** What Kafka's clients take as a bootstrap address: anything ending in {@code :PORT}, comma-separated. */
    private static final Pattern KAFKA_BOOTSTRAP = Pattern.compile("[^,\\s]+:\\d{1,5}(,[^,\\s]+:\\d{1,5})*");

    @Option(names = "--transport", defaultValue = "jdbc", paramLabel = "KIND",
            description = "jdbc (messages in a database, no broker), kafka or rabbitmq (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.jdbc;

    @Option(names = "--broker", paramLabel = "URL",
            description = "jdbc: a jdbc:postgresql: URL or a SQLite file (default DIR/messages.db); "
                    + "kafka: host:port (required); rabbitmq: amqp://user:password@host:port/vhost (default "
                    + DEFAULT_RABBITMQ + ", the default vhost).")
    String broker;

    /** The checks that need no server, before anything is made on disk or connected. */
    void check() {
        switch (kind) {
            case jdbc -> {
                if (broker != null) {
                    DatabaseLocation.parse(broker, "--broker");
                }
            }
            case kafka -> {
                if (broker == null) {
                    throw new IllegalArgumentException("--transport kafka needs --broker HOST:PORT of a Kafka cluster");
                }
                if (!KAFKA_BOOTSTRAP.matcher(broker.strip()).matches()) {
                    throw new IllegalArgumentException("--broker for --transport kafka must be HOST:PORT[,HOST:PORT...]; was '"
                            + broker + "'");
                }
            }
            case rabbitmq -> {
                if (broker != null && !broker.startsWith("amqp://") && !broker.startsWith("amqps://")) {
                    throw new IllegalArgumentException("--broker for --transport rabbitmq must be "
                            + "amqp://USER:PASSWORD@HOST:PORT/VHOST; was '" + broker.replaceAll(":[^:/@]*@", ":***@") + "'");
                }
            }
        }
    }

    Transport open(Path dir) {
        check();
        return switch (kind) {
            case jdbc -> JdbcTransport.open(broker != null ? broker : dir.resolve("messages.db").toString());
            case kafka -> KafkaTransport.connect(broker);
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
