package dev.sagaflow.participant;

import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.OutboxRelay;
import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.jdbc.internal.OutboxTable;
import dev.sagaflow.jdbc.internal.SchemaMigrator;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.SagaDataException;
import dev.sagaflow.spi.SagaStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A participant service's side of a saga: it consumes commands from the transport and, for each
 * message, opens one transaction on the participant's own database in which it records the message
 * id in the inbox, runs the handler (whose business write is in the same transaction) and queues the
 * reply in the outbox. A redelivered command finds its inbox row and has no second effect; a reply is
 * never lost, because it commits with the effect and a relay sends it after. Build with
 * {@link #builder(String, String, Transport)}.
 */
public final class Participant implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Participant.class);
    private static final OutboxTable OUTBOX = new OutboxTable("participant_outbox");

    private final String name;
    private final Database database;
    private final Transport transport;
    private final Map<String, Registration<?>> handlers;
    private final OutboxRelay relay;
    private final List<Transport.Subscription> subscriptions = new ArrayList<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    /** A command handler or an event handler (exactly one of the two). */
    private record Registration<C>(String channel, String type, Class<C> bodyType, CommandHandler<C> handler,
                                   EventHandler<C> eventHandler) {
        boolean isEvent() {
            return eventHandler != null;
        }
    }

    private Participant(Builder b) {
        this.name = b.name;
        this.database = b.database;
        this.transport = b.transport;
        this.handlers = Map.copyOf(b.handlers);
        SchemaMigrator.migrate(database.migrationSource(), database.where(), "db/sagaflow-participant",
                "sagaflow_participant_schema_history", true, "participant tables");
        this.relay = new OutboxRelay("participant-" + name, new OutboxRelay.Outbox() {
            @Override
            public List<Message> claim(String relayId, long now, long leaseUntil, int limit) {
                return run(c -> OUTBOX.claim(c, database.lockClause(), relayId, now, leaseUntil, limit));
            }

            @Override
            public void delete(List<String> messageIds) {
                run(c -> {
                    OUTBOX.delete(c, messageIds);
                    return null;
                });
            }
        }, transport, Clock.systemUTC(), 100, 30_000);
    }

    public static Builder builder(String name, String databaseUrlOrPath, Transport transport) {
        return new Builder(name, databaseUrlOrPath, transport);
    }

    /** Starts consuming every channel a handler was registered on, as group {@code name}, and relaying replies and events. */
    public Participant start() {
        relay.start();
        handlers.values().stream().map(Registration::channel).distinct().forEach(channel ->
                subscriptions.add(transport.subscribe(channel, name, this::receive)));
        return this;
    }

    /** Runs a piece of work on the participant's database in its own transaction (reads, set-up, audits). */
    public <T> T inTransaction(Database.Work<T> work) {
        return run(work);
    }

    /**
     * Runs work of the service's own on its database in one transaction, with an outbox: the events
     * it publishes (the first event of a choreographed saga, say) are sent if and only if it commits.
     */
    public <T> T execute(LocalTransaction.Work<T> work) {
        List<Message> events = new ArrayList<>();
        T result = run(c -> {
            events.clear();
            T value = work.run(new LocalTransaction(c, events));
            OUTBOX.insert(c, events, System.currentTimeMillis());
            return value;
        });
        if (!events.isEmpty()) {
            relay.wakeUp();
        }
        return result;
    }

    /** Messages (commands and events) that took effect, and redeliveries the inbox absorbed. */
    public long handled() {
        return handled.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    void receive(Message message) throws SQLException {
        Registration<?> registration = handlers.get(message.type());
        boolean isCommand = message.header(dev.sagaflow.messaging.MessageHeaders.REPLY_TO).isPresent();
        if (registration == null && !isCommand) {
            return; // an event channel carries other services' events too
        }
        boolean fresh = database.inTransaction(c -> {
            if (!recordInInbox(c, message)) {
                return false;
            }
            List<Message> out = new ArrayList<>();
            if (registration != null && registration.isEvent()) {
                handleEventInSavepoint(c, registration, message, out);
            } else {
                Reply reply = registration == null
                        ? Reply.failure("participant " + name + " has no handler for command type " + message.type())
                        : handleInSavepoint(c, registration, message, out);
                if (isCommand) {
                    out.add(reply.toMessage(message));
                }
            }
            OUTBOX.insert(c, out, System.currentTimeMillis());
            return true;
        });
        if (fresh) {
            handled.incrementAndGet();
            relay.wakeUp();
        } else {
            duplicates.incrementAndGet();
            log.debug("{}: message {} ({}) already processed; redelivery absorbed", name, message.id(), message.type());
        }
    }

    /** A body that cannot be read is passed over (it never could be); any other failure rolls back everything. */
    private <E> void handleEventInSavepoint(Connection c, Registration<E> registration, Message event,
                                            List<Message> out) throws SQLException {
        Savepoint before = c.setSavepoint();
        E body;
        try {
            body = Json.decode(event.payload(), registration.bodyType(), "event " + event.id());
        } catch (SagaDataException e) {
            c.rollback(before);
            log.error("{}: passing over event {} ({}) of saga {}: {}", name, event.id(), event.type(), event.sagaId(),
                    e.getMessage());
            return;
        }
        registration.eventHandler().handle(body, new CommandContext(c, event, out));
        c.releaseSavepoint(before);
    }

    private boolean recordInInbox(Connection c, Message command) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO participant_inbox (message_id, consumer, "
                + "processed_at) VALUES (?, ?, ?) ON CONFLICT (message_id, consumer) DO NOTHING")) {
            insert.setString(1, command.id());
            insert.setString(2, name);
            insert.setLong(3, System.currentTimeMillis());
            return insert.executeUpdate() == 1;
        }
    }

    /** The handler's writes are undone on a refusal or a bug, but the inbox row and the failure reply stay. */
    private <C> Reply handleInSavepoint(Connection c, Registration<C> registration, Message command,
                                        List<Message> events) throws SQLException {
        Savepoint before = c.setSavepoint();
        List<Message> published = new ArrayList<>();
        try {
            C body = Json.decode(command.payload(), registration.bodyType(), "command " + command.id());
            Reply reply = registration.handler().handle(body, new CommandContext(c, command, published));
            events.addAll(published);
            c.releaseSavepoint(before);
            return Objects.requireNonNull(reply, "the handler of " + command.type() + " returned no reply");
        } catch (SQLException e) {
            throw e;
        } catch (CommandRejectedException | SagaDataException e) {
            c.rollback(before);
            return Reply.failure(e.getMessage());
        } catch (RuntimeException e) {
            c.rollback(before);
            log.warn("{}: handler of {} failed on {}: {}", name, command.type(), command.id(), e.toString());
            return Reply.retryableFailure(e.toString());
        }
    }

    private <T> T run(Database.Work<T> work) {
        try {
            return database.inTransaction(work);
        } catch (SQLException e) {
            throw new SagaStoreException("participant " + name + " database " + database.where() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(Transport.Subscription::close);
        relay.close();
        database.close();
    }

    /** Registers handlers; {@link #start()} on the built participant begins consuming. */
    public static final class Builder {
        private final String name;
        private final Database database;
        private final Transport transport;
        private final Map<String, Registration<?>> handlers = new LinkedHashMap<>();

        private Builder(String name, String databaseUrlOrPath, Transport transport) {
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                throw new IllegalArgumentException("participant name must be 1-100 letters, digits, '.', '_' or '-'; was " + name);
            }
            this.name = name;
            this.transport = Objects.requireNonNull(transport, "transport");
            this.database = Database.open(Objects.requireNonNull(databaseUrlOrPath, "databaseUrlOrPath"), 8);
        }

        /** Handles commands of {@code type} arriving on {@code channel}, their JSON body read as {@code commandType}. */
        public <C> Builder handle(String channel, String type, Class<C> commandType, CommandHandler<C> handler) {
            return register(new Registration<>(channel, type, commandType, Objects.requireNonNull(handler, "handler"), null));
        }

        /**
         * Reacts to events of {@code type} on {@code channel} (a choreography's hop), their JSON body
         * read as {@code eventType}; each is handled once, however often it is delivered.
         */
        public <E> Builder on(String channel, String type, Class<E> eventType, EventHandler<E> handler) {
            return register(new Registration<>(channel, type, eventType, null, Objects.requireNonNull(handler, "handler")));
        }

        private Builder register(Registration<?> registration) {
            if (handlers.putIfAbsent(registration.type(), registration) != null) {
                throw new IllegalArgumentException("participant " + name + " already has a handler for " + registration.type());
            }
            return this;
        }

        public Participant build() {
            try {
                return new Participant(this);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
    }
}
