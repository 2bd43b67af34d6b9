package dev.sagaflow.transport.jdbc;

import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.jdbc.internal.DueWorkListener;
import dev.sagaflow.jdbc.internal.OutboxTable;
import dev.sagaflow.jdbc.internal.SchemaMigrator;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The transport that needs no broker: messages are rows of a table in PostgreSQL or in a SQLite file
 * that several processes share. Sending inserts one row per group subscribed to the channel;
 * consumers claim due rows under a visibility lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL),
 * hand them to the handler and delete the handled ones, so a consumer that dies leaves its rows to
 * be handed out again when the lease runs out. PostgreSQL consumers are woken by
 * {@code NOTIFY}, with polling as the source of truth; SQLite consumers poll.
 *
 * <p>A group receives the messages sent after it was declared ({@link #declare} or {@link #subscribe}).
 */
public final class JdbcTransport implements Transport {
    static final String NOTIFY_CHANNEL = "sagaflow_transport";
    private static final Logger log = LoggerFactory.getLogger(JdbcTransport.class);

    private final Database database;
    private final Duration pollInterval;
    private final Duration visibilityTimeout;
    private final int batchSize;
    private final DueWorkListener listener;
    private final List<JdbcConsumer> consumers = new CopyOnWriteArrayList<>();
    private final Set<String> warnedChannels = ConcurrentHashMap.newKeySet();
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);

    private JdbcTransport(Database database, Duration pollInterval, Duration visibilityTimeout, int batchSize) {
        this.database = database;
        this.pollInterval = pollInterval;
        this.visibilityTimeout = visibilityTimeout;
        this.batchSize = batchSize;
        SchemaMigrator.migrate(database.migrationSource(), database.where(), "db/sagaflow-transport",
                "sagaflow_transport_schema_history", true, "transport tables");
        if (database.isPostgres()) {
            listener = new DueWorkListener(database.url(), new Properties(), NOTIFY_CHANNEL);
            listener.add(() -> consumers.forEach(JdbcConsumer::wakeUp));
        } else {
            listener = null;
        }
    }

    /**
     * Opens the transport on a {@code jdbc:postgresql:} URL or a SQLite file path, creating its
     * tables when they do not exist. Consumers look for messages every 20 ms on SQLite and every
     * 500 ms on PostgreSQL (where {@code NOTIFY} wakes them sooner); a claimed message not handled
     * within 30 s is handed out again.
     */
    public static JdbcTransport open(String urlOrPath) {
        Objects.requireNonNull(urlOrPath, "urlOrPath");
        Database database = Database.open(urlOrPath, 8);
        Duration poll = database.isPostgres() ? Duration.ofMillis(500) : Duration.ofMillis(20);
        return on(database, poll, Duration.ofSeconds(30));
    }

    /** As {@link #open(String)}, with the claim lease ({@code visibilityTimeout}) of one's own. */
    public static JdbcTransport open(String urlOrPath, Duration pollInterval, Duration visibilityTimeout) {
        return on(Database.open(Objects.requireNonNull(urlOrPath, "urlOrPath"), 8), pollInterval, visibilityTimeout);
    }

    /** The transport takes the database over; if it cannot start (migrations), the database is closed. */
    private static JdbcTransport on(Database database, Duration pollInterval, Duration visibilityTimeout) {
        try {
            return new JdbcTransport(database, pollInterval, visibilityTimeout, 256);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void declare(String channel, String group) {
        requireName(channel, "channel");
        requireName(group, "group");
        run("declare " + group + " on " + channel, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO transport_subscription "
                    + "(channel, group_name, created_at) VALUES (?, ?, ?) ON CONFLICT (channel, group_name) DO NOTHING")) {
                insert.setString(1, channel);
                insert.setString(2, group);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void send(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        int[] rows = run("send " + messages.size() + " messages", c -> {
            int[] inserted;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO transport_message (id, group_name, channel, "
                    + "type, saga_id, correlation_id, headers, payload, available_at, deliveries, created_at) "
                    + "SELECT ?, group_name, channel, ?, ?, ?, ?, ?, ?, 0, ? FROM transport_subscription "
                    + "WHERE channel = ? ON CONFLICT (id, group_name) DO NOTHING")) {
                for (Message m : messages) {
                    insert.setString(1, m.id());
                    insert.setString(2, m.type());
                    insert.setString(3, m.sagaId());
                    insert.setString(4, m.correlationId());
                    insert.setString(5, OutboxTable.headers(m.headers()));
                    insert.setString(6, m.payload());
                    insert.setLong(7, now);
                    insert.setLong(8, now);
                    insert.setString(9, m.channel());
                    insert.addBatch();
                }
                inserted = insert.executeBatch();
            }
            if (database.isPostgres()) {
                try (Statement notify = c.createStatement()) {
                    notify.execute("NOTIFY " + NOTIFY_CHANNEL);
                }
            }
            return inserted;
        });
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0 && warnedChannels.add(messages.get(i).channel())) {
                log.warn("message {} to channel {} reached no group: declare the consumers' group first "
                        + "(a redelivered message is not counted here)", messages.get(i).id(), messages.get(i).channel());
            }
        }
        consumers.forEach(JdbcConsumer::wakeUp);
    }

    @Override
    public Subscription subscribe(String channel, String group, MessageHandler handler) {
        declare(channel, group);
        JdbcConsumer consumer = new JdbcConsumer(this, channel, group, handler,
                group + "@" + instanceId + "-" + consumers.size());
        consumers.add(consumer);
        consumer.start();
        return () -> {
            consumer.close();
            consumers.remove(consumer);
        };
    }

    /** Claims up to a batch of due messages of one group for the visibility timeout. */
    List<Message> claim(String channel, String group) {
        long now = System.currentTimeMillis();
        return run("claim from " + channel, c -> {
            String sql = "UPDATE transport_message SET available_at = ?, deliveries = deliveries + 1 "
                    + "WHERE (id, group_name) IN (SELECT id, group_name FROM transport_message "
                    + "WHERE channel = ? AND group_name = ? AND available_at <= ? ORDER BY available_at LIMIT ?"
                    + database.dialect().skipLocked() + ") RETURNING id, channel, type, saga_id, correlation_id, headers, payload";
            List<Message> claimed = new ArrayList<>();
            try (PreparedStatement claim = c.prepareStatement(sql)) {
                claim.setLong(1, now + visibilityTimeout.toMillis());
                claim.setString(2, channel);
                claim.setString(3, group);
                claim.setLong(4, now);
                claim.setInt(5, batchSize);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), OutboxTable.headers(rs.getString(6)), rs.getString(7)));
                    }
                }
            }
            return claimed;
        });
    }

    /** Handled: gone for this group. */
    void acknowledge(String group, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        run("acknowledge " + ids.size() + " messages", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM transport_message WHERE id = ? AND group_name = ?")) {
                for (String id : ids) {
                    delete.setString(1, id);
                    delete.setString(2, group);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }

    /** Failed: handed out again after {@code delay} rather than after the whole visibility timeout. */
    void retryLater(String group, List<String> ids, Duration delay) {
        if (ids.isEmpty()) {
            return;
        }
        long at = System.currentTimeMillis() + delay.toMillis();
        run("release " + ids.size() + " messages", c -> {
            try (PreparedStatement release = c.prepareStatement(
                    "UPDATE transport_message SET available_at = ? WHERE id = ? AND group_name = ?")) {
                for (String id : ids) {
                    release.setLong(1, at);
                    release.setString(2, id);
                    release.setString(3, group);
                    release.addBatch();
                }
                release.executeBatch();
            }
            return null;
        });
    }

    /** Messages waiting (claimed or not) for each group of a channel: for tests and progress. */
    public long pending(String channel, String group) {
        return run("count", c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM transport_message WHERE channel = ? AND group_name = ?")) {
                count.setString(1, channel);
                count.setString(2, group);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    Duration pollInterval() {
        return pollInterval;
    }

    int batchSize() {
        return batchSize;
    }

    private <T> T run(String what, Database.Work<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new SagaStoreException("JDBC transport " + database.where() + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireName(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(field + " must be 1-200 characters; was " + value);
        }
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public void close() {
        consumers.forEach(JdbcConsumer::close);
        consumers.clear();
        if (listener != null) {
            listener.close();
        }
        database.close();
    }
}
