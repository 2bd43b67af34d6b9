package dev.sagaflow.jdbc.internal;

import dev.sagaflow.internal.Worker;
import dev.sagaflow.internal.Worker.Next;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds one connection outside the pool that {@code LISTEN}s on the channel the store notifies
 * when work becomes due, and wakes the engine's poller. A lost connection is reopened; since
 * notifications sent meanwhile are lost, every reconnect also wakes the poller once.
 */
public final class DueWorkListener implements AutoCloseable {
    public static final String CHANNEL = "sagaflow_due";

    private final String url;
    private final String channel;
    private final Properties properties;
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();
    private final Worker worker;
    private volatile Connection connection;

    public DueWorkListener(String url, Properties properties) {
        this(url, properties, CHANNEL);
    }

    /** Listens on another notification channel than the store's, e.g. the JDBC transport's. */
    public DueWorkListener(String url, Properties properties, String channel) {
        this.url = url;
        this.channel = channel;
        this.properties = properties;
        // Closing the connection ends a wait for notifications at once, from any thread.
        this.worker = Worker.builder("sagaflow-listen", "listening for due work (polling only meanwhile)", this::listen)
                .cutShortBy(this::disconnect).onExit(this::disconnect).build();
    }

    public void add(Runnable wakeUp) {
        wakeUps.add(wakeUp);
        worker.start();
    }

    private Next listen() throws SQLException {
        try {
            Connection c = connection;
            if (c == null) {
                c = connect();
            }
            PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(1_000);
            if (notifications != null && notifications.length > 0) {
                wakeAll();
            }
            return Next.AGAIN;
        } catch (SQLException e) {
            disconnect();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        connection = c;
        try (Statement listen = c.createStatement()) {
            listen.execute("LISTEN " + channel);
        }
        wakeAll();
        return c;
    }

    private void disconnect() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is being given up either way
            }
        }
    }

    private void wakeAll() {
        for (Runnable wakeUp : wakeUps) {
            wakeUp.run();
        }
    }

    @Override
    public void close() {
        worker.stop(Duration.ofSeconds(1), true);
    }
}
