package dev.sagaflow.participant;

import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.OutboxRelay;
import dev.sagaflow.jdbc.internal.Database;
import dev.sagaflow.jdbc.internal.OutboxTable;
import dev.sagaflow.jdbc.internal.SchemaMigrator;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.spi.Outbox;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.SagaDataException;
import dev.sagaflow.spi.SagaStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A participant service's side of a saga: it consumes commands from the transport and, for each
 * message, opens one transaction on the participant's own database in which it records the message
 * id in the inbox, runs the handler (whose business write is in the same transaction) and queues the
 * reply in the outbox. A redelivered command finds its inbox row and has no second effect; a reply is
 * never lost, because it commits with the effect and a relay sends it after. Build with
 * {@link #builder(String, String, Transport)}.
 *
 * <p>A compensation registered with {@link Builder#handleCompensation} names the command it undoes;
 * the two carry the same idempotency key. For such a command the participant records in the same
 * transaction, in {@code participant_step}, that it was applied; a compensation that finds no such
 * record came before its command (the engine gave up waiting, the transport reordered): it records
 * a tombstone instead, does not run its handler (there is nothing to undo) and replies success, and
 * the command, if it comes after all, has no effect: its handler does not run and its reply is a
 * failure, which the engine, no longer waiting for it, drops. See docs/participants.md.
 *
 * <p>Observability: each message is handled with {@code saga_id}, {@code correlation_id},
 * {@code step} and {@code message_type} in the SLF4J MDC, inside the {@link Builder#interceptor
 * interceptors} (a tracing span continued from the message's headers, say); the replies and events it
 * sends carry the context its {@link Builder#propagation propagation} writes.
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
    private final AtomicLong overtaken = new AtomicLong();
    /** Command types that a registered compensation undoes: their keys are recorded in {@code participant_step}. */
    private final Set<String> compensated;
    private final List<HandlerInterceptor> interceptors;
    private final OutgoingContext outgoing;
    private final Events eventMessages;

    /** States of a row in {@code participant_step}. */
    static final String APPLIED = "applied";
    static final String COMPENSATED = "compensated";
    static final String TOMBSTONE = "tombstone";

    /**
     * A command handler or an event handler (exactly one of the two); a command handler with
     * {@code undoes} is the compensation of the command of that type.
     */
    private record Registration<C>(String channel, String type, Class<C> bodyType, CommandHandler<C> handler,
                                   EventHandler<C> eventHandler, String undoes) {
        boolean isEvent() {
            return eventHandler != null;
        }

        boolean isCompensation() {
            return undoes != null;
        }
    }

    /** What a step's record says before a handler runs: {@code null} to run it, or the reply to send without running it. */
    @FunctionalInterface
    private interface Guard {
        Reply check(Connection c) throws SQLException;
    }

    private static final Guard UNGUARDED = c -> null;

    private Participant(Builder b) {
        this.name = b.name;
        this.database = b.database;
        this.transport = b.transport;
        this.handlers = Map.copyOf(b.handlers);
        this.interceptors = List.copyOf(b.interceptors);
        this.outgoing = b.propagation == null ? OutgoingContext.NONE : new OutgoingContext(b.propagation);
        this.eventMessages = new Events(outgoing);
        this.compensated = handlers.values().stream().map(Registration::undoes).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        SchemaMigrator.migrate(database.migrationSource(), database.where(), "db/sagaflow-participant",
                "sagaflow_participant_schema_history", true, "participant tables");
        this.relay = new OutboxRelay("participant-" + name, new Outbox() {
            @Override
            public List<Message> claimOutbox(String relayId, long now, long leaseUntil, int limit) {
                return run(c -> OUTBOX.claim(c, database.dialect(), relayId, now, leaseUntil, limit));
            }

            @Override
            public void deleteOutbox(Collection<String> messageIds) {
                run(c -> {
                    OUTBOX.delete(c, List.copyOf(messageIds));
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
            T value = work.run(new LocalTransaction(c, events, eventMessages));
            OUTBOX.insert(c, events, System.currentTimeMillis());
            return value;
        });
        if (!events.isEmpty()) {
            relay.wakeUp();
        }
        return result;
    }

    /**
     * Messages (commands and events) handled the first time they came ({@link #overtaken} ones
     * included), and redeliveries the inbox absorbed.
     */
    public long handled() {
        return handled.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    /** Commands that came after their compensation and were not applied (a tombstone or an undone step stood in their way). */
    public long overtaken() {
        return overtaken.get();
    }

    void receive(Message message) throws Exception {
        Registration<?> registration = handlers.get(message.type());
        boolean isCommand = message.header(MessageHeaders.REPLY_TO).isPresent();
        if (registration == null && !isCommand) {
            return; // an event channel carries other services' events too
        }
        try (HandlerMdc ignored = HandlerMdc.of(message)) {
            HandlerInterceptor.Invocation chain = () -> handle(message, registration, isCommand);
            for (int i = interceptors.size() - 1; i >= 0; i--) {
                HandlerInterceptor interceptor = interceptors.get(i);
                HandlerInterceptor.Invocation inner = chain;
                chain = () -> interceptor.around(message, inner);
            }
            chain.proceed();
        }
    }

    /** One message in one local transaction; returns the reply it queued, if any. */
    private Reply handle(Message message, Registration<?> registration, boolean isCommand) throws SQLException {
        boolean[] late = new boolean[1];
        Reply[] sent = new Reply[1];
        boolean fresh = database.inTransaction(c -> {
            late[0] = false;
            sent[0] = null;
            if (!recordInInbox(c, message)) {
                return false;
            }
            List<Message> out = new ArrayList<>();
            if (registration != null && registration.isEvent()) {
                handleEventInSavepoint(c, registration, message, out);
            } else {
                Reply reply = registration == null
                        ? Reply.failure("participant " + name + " has no handler for command type " + message.type())
                        : handleCommand(c, registration, message, out, late);
                if (isCommand) {
                    out.add(replyMessage(reply, message));
                    sent[0] = reply;
                }
            }
            OUTBOX.insert(c, out, System.currentTimeMillis());
            return true;
        });
        if (fresh) {
            handled.incrementAndGet();
            if (late[0]) {
                overtaken.incrementAndGet();
            }
            relay.wakeUp();
        } else {
            duplicates.incrementAndGet();
            log.debug("{}: message {} ({}) already processed; redelivery absorbed", name, message.id(), message.type());
        }
        return fresh ? sent[0] : null;
    }

    /** The reply, carrying the handling's context where there is one to carry (else no trace context). */
    private Message replyMessage(Reply reply, Message command) {
        Message message = reply.toMessage(command);
        Map<String, String> context = outgoing.headers();
        if (context.isEmpty()) {
            return message;
        }
        Map<String, String> headers = new HashMap<>(message.headers());
        headers.putAll(context);
        return new Message(message.id(), message.channel(), message.type(), message.sagaId(), message.correlationId(),
                headers, message.payload());
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
        registration.eventHandler().handle(body, new CommandContext(c, event, out, eventMessages));
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

    /**
     * A command, a command that has a compensation, or a compensation: the last two consult and move
     * the step's row in {@code participant_step} inside the handler's savepoint, so that a handler
     * whose writes are rolled back leaves no record that it ran.
     */
    private <C> Reply handleCommand(Connection c, Registration<C> registration, Message command, List<Message> events,
                                    boolean[] late) throws SQLException {
        if (registration.isCompensation()) {
            String key = CommandContext.keyOf(command, registration.undoes());
            String stored = storedKey(key);
            return handleInSavepoint(c, registration, command, key, events, connection -> {
                if (insertStep(connection, stored, TOMBSTONE)) {
                    log.info("{}: compensation {} ({}) of saga {} came before its command {}: tombstone for {}, "
                            + "nothing to undo", name, command.id(), command.type(), command.sagaId(),
                            registration.undoes(), key);
                    return Reply.success(null);
                }
                // Claimed before the handler runs: a second compensation of the same step at the same
                // moment waits for this one, then finds it compensated.
                return moveStep(connection, stored, APPLIED, COMPENSATED) ? null : Reply.success(null);
            });
        }
        if (compensated.contains(registration.type())) {
            String key = CommandContext.keyOf(command, registration.type());
            String stored = storedKey(key);
            return handleInSavepoint(c, registration, command, key, events, connection -> {
                if (insertStep(connection, stored, APPLIED)) {
                    return null;
                }
                String state = stepState(connection, stored);
                if (APPLIED.equals(state)) {
                    return null; // sent again after it took effect: as for any command, the handler's own key check
                }
                late[0] = true;
                log.info("{}: command {} ({}) of saga {} came after its compensation ({} for {}): not applied", name,
                        command.id(), command.type(), command.sagaId(), state, key);
                return Reply.failure("not applied: its step was compensated before it arrived");
            });
        }
        return handleInSavepoint(c, registration, command, CommandContext.keyOf(command, command.type()), events,
                UNGUARDED);
    }

    private boolean insertStep(Connection c, String key, String state) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO participant_step (consumer, idempotency_key, "
                + "state, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (consumer, idempotency_key) DO NOTHING")) {
            insert.setString(1, name);
            insert.setString(2, key);
            insert.setString(3, state);
            insert.setLong(4, System.currentTimeMillis());
            return insert.executeUpdate() == 1;
        }
    }

    private boolean moveStep(Connection c, String key, String from, String to) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE participant_step SET state = ?, updated_at = ? "
                + "WHERE consumer = ? AND idempotency_key = ? AND state = ?")) {
            update.setString(1, to);
            update.setLong(2, System.currentTimeMillis());
            update.setString(3, name);
            update.setString(4, key);
            update.setString(5, from);
            return update.executeUpdate() == 1;
        }
    }

    private String stepState(Connection c, String key) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "SELECT state FROM participant_step WHERE consumer = ? AND idempotency_key = ?")) {
            read.setString(1, name);
            read.setString(2, key);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("participant_step row of " + key + " vanished", "40001");
                }
                return rs.getString(1);
            }
        }
    }

    /**
     * The key as stored: itself when it fits the column and holds only printable characters, else
     * its SHA-256, so no key the engine or another sender uses is refused by the database.
     */
    static String storedKey(String key) {
        boolean plain = key.length() <= 200
                && key.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f && !Character.isSurrogate((char) ch));
        if (plain) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The handler's writes are undone on a refusal or a bug, but the inbox row and the failure reply
     * stay. {@code guard} runs first, in the same savepoint, and may answer without the handler.
     */
    private <C> Reply handleInSavepoint(Connection c, Registration<C> registration, Message command, String key,
                                        List<Message> events, Guard guard) throws SQLException {
        Savepoint before = c.setSavepoint();
        List<Message> published = new ArrayList<>();
        try {
            Reply skipped = guard.check(c);
            if (skipped != null) {
                c.releaseSavepoint(before);
                return skipped;
            }
            C body = Json.decode(command.payload(), registration.bodyType(), "command " + command.id());
            Reply reply = Objects.requireNonNull(registration.handler().handle(body,
                    new CommandContext(c, command, published, key, eventMessages)), "the handler of " + command.type() + " returned no reply");
            if (registration.isCompensation() && !reply.succeeded()) {
                moveStep(c, storedKey(key), COMPENSATED, APPLIED); // its writes stay, but the undo is still owed
            }
            events.addAll(published);
            c.releaseSavepoint(before);
            return reply;
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
        private final List<HandlerInterceptor> interceptors = new ArrayList<>();
        private ContextPropagation propagation;

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
            return register(new Registration<>(channel, type, commandType, Objects.requireNonNull(handler, "handler"), null, null));
        }

        /**
         * Handles commands of {@code type} that compensate the command of type {@code undoes}, which
         * this participant handles too (the saga's {@code compensateWithCommand} of the step whose
         * {@code sendCommand} is {@code undoes}). Both carry the step's idempotency key, so the
         * participant knows when the compensation comes first: then it records a tombstone, does not
         * run this handler (there is nothing to undo) and replies success, and the command, should it
         * still come, is not applied. Otherwise this handler runs once per step, after the command's:
         * a compensation sent again after it succeeded is answered success without running it.
         */
        public <C> Builder handleCompensation(String channel, String type, Class<C> commandType, String undoes,
                                              CommandHandler<C> handler) {
            return register(new Registration<>(channel, type, commandType, Objects.requireNonNull(handler, "handler"), null,
                    Objects.requireNonNull(undoes, "undoes")));
        }

        /**
         * Reacts to events of {@code type} on {@code channel} (a choreography's hop), their JSON body
         * read as {@code eventType}; each is handled once, however often it is delivered.
         */
        public <E> Builder on(String channel, String type, Class<E> eventType, EventHandler<E> handler) {
            return register(new Registration<>(channel, type, eventType, null, Objects.requireNonNull(handler, "handler"), null));
        }

        /**
         * Runs around the handling of each received message, on the thread that handles it; several
         * nest in the order added, the first outermost. Default: none.
         */
        public Builder interceptor(HandlerInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Writes the current context (a trace) into the headers of every reply and event this
         * participant sends, on the thread that queues it: inside the handling of a message, or in
         * {@link Participant#execute}. Default: none, and the messages carry no trace context.
         */
        public Builder propagation(ContextPropagation propagation) {
            this.propagation = Objects.requireNonNull(propagation, "propagation");
            return this;
        }

        private Builder register(Registration<?> registration) {
            if (handlers.putIfAbsent(registration.type(), registration) != null) {
                throw new IllegalArgumentException("participant " + name + " already has a handler for " + registration.type());
            }
            return this;
        }

        public Participant build() {
            try {
                for (Registration<?> r : handlers.values()) {
                    Registration<?> undone = r.isCompensation() ? handlers.get(r.undoes()) : null;
                    if (r.isCompensation() && (undone == null || undone.isEvent() || undone.isCompensation())) {
                        throw new IllegalArgumentException("participant " + name + ": compensation " + r.type()
                                + " undoes " + r.undoes() + ", which it does not handle as a command (register it with handle)");
                    }
                }
                return new Participant(this);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
    }
}
