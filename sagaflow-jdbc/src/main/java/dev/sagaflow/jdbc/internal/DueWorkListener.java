package dev.sagaflow.jdbc.internal;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Holds one connection outside the pool that {@code LISTEN}s on the channel the store notifies
 * when work becomes due, and wakes the engine's poller. A lost connection is reopened; since
 * notifications sent meanwhile are lost, every reconnect also wakes the poller once.
 */
public final class DueWorkListener implements AutoCloseable {
    public static final String CHANNEL = "sagaflow_due";
    private static final Logger log = LoggerFactory.getLogger(DueWorkListener.class);

    private final String url;
    private final String channel;
    private final Properties properties;
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    public DueWorkListener(String url, Properties properties) {
        this(url, properties, CHANNEL);
    }

    /** Listens on another notification channel than the store's, e.g. the JDBC transport's. */
    public DueWorkListener(String url, Properties properties, String channel) {
        this.url = url;
        this.channel = channel;
        this.properties = properties;
        this.thread = Thread.ofPlatform().name("sagaflow-listen").daemon().unstarted(this::loop);
    }

    public void add(Runnable wakeUp) {
        wakeUps.add(wakeUp);
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
    }

    private void loop() {
        long backoff = 100;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, properties)) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                backoff = 100;
                wakeAll();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) {
                        wakeAll();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("listening for due work failed; polling only until it reconnects in {} ms: {}", backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void wakeAll() {
        for (Runnable wakeUp : wakeUps) {
            wakeUp.run();
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the thread ends either way
            }
        }
        thread.interrupt();
    }
}
