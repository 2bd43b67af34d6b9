package dev.sagaflow.choreography;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaDataException;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaNotFoundException;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.choreography.ChoreographyDefinition.Role;
import dev.sagaflow.internal.OutboxRelay;
import dev.sagaflow.internal.InstanceViews;
import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.Observers;
import dev.sagaflow.internal.TrackedProgress;
import dev.sagaflow.internal.Worker;
import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches choreographed sagas: consumes the events of each declared chain, correlated by saga id,
 * and keeps every saga's state as an instance in the saga store, so it is read like an
 * orchestrated one ({@link #get}, {@link #list}, {@link #countByState}, or a {@code SagaEngine} on
 * the same store). Events may come twice and in any order: the state is a function of the set of
 * events seen. A saga that passes its chain's deadline without finishing is flagged
 * {@link SagaState#STALLED} (or {@link SagaState#COMPENSATION_STALLED}), and the chain's timeout
 * event, if declared, is published for it through the store's outbox in the same write.
 *
 * <pre>{@code
 * SagaTracker tracker = SagaTracker.builder(store, transport).track(orders).build().start();
 * SagaInstance order = tracker.get(sagaId);
 * }</pre>
 *
 * Several trackers may run on one store: they share each channel as one group, and claim overdue
 * sagas under a lease as engine nodes claim due work.
 */
public final class SagaTracker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SagaTracker.class);
    private static final int WRITE_ATTEMPTS = 20;

    private final SagaStore store;
    private final Transport transport;
    private final Map<String, ChoreographyDefinition> definitions;
    private final String group;
    private final String trackerId;
    private final Clock clock;
    private final Duration checkEvery;
    private final OutboxRelay relay;
    private final List<Transport.Subscription> subscriptions = new ArrayList<>();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong flagged = new AtomicLong();
    private final AtomicLong writeCounter = new AtomicLong();
    private final Worker sweeper;
    private final Observers observers;

    private SagaTracker(Builder b) {
        this.store = b.store;
        this.transport = b.transport;
        this.definitions = Map.copyOf(b.definitions);
        this.group = b.group;
        this.trackerId = "tracker-" + UUID.randomUUID().toString().substring(0, 8);
        this.clock = b.clock;
        this.checkEvery = b.checkEvery;
        this.observers = b.propagation == null ? Observers.NONE : Observers.builder().propagation(b.propagation).build();
        this.relay = new OutboxRelay(trackerId, store, transport, clock,
                checkEvery.toMillis(), Duration.ofSeconds(30).toMillis());
        this.sweeper = Worker.builder("sagaflow-" + trackerId + "-deadlines", "checking choreography deadlines",
                this::sweep).clock(clock).idle(checkEvery).build();
    }

    public static Builder builder(SagaStore store, Transport transport) {
        return new Builder(store, transport);
    }

    /** Subscribes to every channel of the tracked chains and starts checking deadlines. */
    public SagaTracker start() {
        relay.start();
        Set<String> channels = new java.util.LinkedHashSet<>();
        definitions.values().forEach(d -> channels.addAll(d.channels()));
        for (String channel : channels) {
            subscriptions.add(transport.subscribe(channel, group, this::onEvent));
        }
        sweeper.start();
        return this;
    }

    /** Events that moved a saga, and repeats that did not. */
    public long eventsApplied() {
        return eventsApplied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    /** Sagas this tracker flagged as past their deadline. */
    public long flagged() {
        return flagged.get();
    }

    public SagaInstance get(SagaId id) {
        SagaRecord r = store.find(id.value()).orElseThrow(() -> new SagaNotFoundException(id));
        return view(r, store.history(id.value()));
    }

    /** Instances by state and name, newest first, without their history. */
    public List<SagaInstance> list(SagaQuery query) {
        return store.list(query).stream().map(r -> view(r, List.of())).toList();
    }

    public Map<SagaState, Long> countByState(String choreographyName) {
        return store.countByState(choreographyName);
    }

    /** The sagas of the chain flagged past their deadline and not finished since. */
    public List<SagaInstance> stalled(String choreographyName) {
        return list(SagaQuery.all().withSagaName(choreographyName)
                .withStates(SagaState.STALLED, SagaState.COMPENSATION_STALLED).page(0, 1000));
    }

    void onEvent(Message event) {
        for (ChoreographyDefinition definition : definitions.values()) {
            Optional<Role> role = definition.roleOf(event);
            if (role.isPresent()) {
                apply(definition, role.get(), event);
                return;
            }
        }
    }

    private void apply(ChoreographyDefinition definition, Role role, Message event) {
        JsonNode body = parse(event);
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            Optional<SagaRecord> stored = store.find(event.sagaId());
            if (stored.isPresent() && !stored.get().sagaName().equals(definition.name())) {
                log.warn("event {} ({}) names saga {}, which is a '{}', not a '{}'; ignored", event.id(), event.type(),
                        event.sagaId(), stored.get().sagaName(), definition.name());
                return;
            }
            TrackedProgress before = stored.map(SagaTracker::progressOf).orElse(TrackedProgress.NONE);
            boolean expected = before.expects(definition, role);
            TrackedProgress after = expected ? before.with(role, body) : before.withUnexpected();
            if (expected && after.equals(before)) {
                duplicates.incrementAndGet();
                return;
            }
            long now = clock.millis();
            Change change = new Change(definition, stored.orElse(null), before, after, now);
            change.describe(role, event, expected);
            StoreWrite write = stored.isPresent()
                    ? new StoreWrite.Update(change.record(event), stored.get().version(), change.history, List.of())
                    : new StoreWrite.Insert(change.record(event), change.history, List.of());
            WriteResult result = store.write(List.of(write)).getFirst();
            if (result.isApplied()) {
                eventsApplied.incrementAndGet();
                return;
            }
            // Another event of the same saga (or the deadline check) wrote first: read again, apply on top.
        }
        throw new IllegalStateException("saga " + event.sagaId() + ": " + WRITE_ATTEMPTS
                + " writes in a row lost to others; the event comes again");
    }

    private Next sweep() {
        long now = clock.millis();
        List<SagaRecord> overdue = store.claimDue(trackerId, now, now + 30_000, definitions.keySet(), 100);
        for (SagaRecord r : overdue) {
            flag(r, now);
        }
        return overdue.size() < 100 ? Next.IDLE : Next.AGAIN;
    }

    private void flag(SagaRecord claimed, long now) {
        ChoreographyDefinition definition = definitions.get(claimed.sagaName());
        TrackedProgress before = progressOf(claimed);
        TrackedProgress after = before.markOverdue();
        Change change = new Change(definition, claimed, before, after, now);
        List<Message> outbox = new ArrayList<>();
        String waitingFor = definition.steps().get(after.currentStep(definition)).name();
        String detail = "no end by " + Instant.ofEpochMilli(claimed.deadlineAt()) + "; waiting for step '" + waitingFor + "'";
        if (definition.timeoutEvent().isPresent()) {
            EventRef timeout = definition.timeoutEvent().get();
            outbox.add(timeoutEvent(timeout, claimed, waitingFor));
            detail += "; published " + timeout;
        }
        change.add(HistoryEventType.DEADLINE_EXCEEDED, waitingFor, detail);
        SagaRecord next = change.record(null);
        WriteResult result = store.write(List.of(new StoreWrite.Update(next, claimed.version(), change.history, outbox))).getFirst();
        if (result.isApplied()) {
            flagged.incrementAndGet();
            log.info("choreographed saga {} ({}) passed its deadline: {}", claimed.id(), claimed.sagaName(), detail);
            if (!outbox.isEmpty()) {
                relay.wakeUp();
            }
        }
        // Refused: an event moved it meanwhile; if it is still overdue, the next check claims it again.
    }

    private Message timeoutEvent(EventRef timeout, SagaRecord r, String waitingFor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sagaId", r.id());
        body.put("correlationId", r.correlationId());
        body.put("deadline", Instant.ofEpochMilli(r.deadlineAt()).toString());
        body.put("waitingFor", waitingFor);
        Map<String, String> headers = new java.util.HashMap<>();
        observers.inject(headers);
        return new Message(Message.newId(), timeout.channel(), timeout.type(), r.id(), r.correlationId(), headers,
                Json.encode(body, "the timeout event of saga " + r.id()));
    }

    private static TrackedProgress progressOf(SagaRecord r) {
        try {
            return Json.decode(r.data(), TrackedProgress.class, "saga " + r.id());
        } catch (SagaDataException e) {
            throw new IllegalStateException("saga " + r.id() + " (" + r.sagaName() + ") holds data the tracker did not write: "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Message event) {
        try {
            return Json.decode(event.payload(), JsonNode.class, "event " + event.id());
        } catch (SagaDataException e) {
            // The tracker keeps the body only for reading; an event whose body is not JSON still counts.
            return JsonNodeFactory.instance.textNode(event.payload());
        }
    }

    private SagaInstance view(SagaRecord r, List<HistoryEvent> history) {
        ChoreographyDefinition definition = definitions.get(r.sagaName());
        String current = null;
        if (definition != null && !r.state().isTerminal()) {
            current = definition.steps().get(progressOf(r).currentStep(definition)).name();
        }
        return InstanceViews.of(r, current, history);
    }

    @Override
    public void close() {
        subscriptions.forEach(Transport.Subscription::close);
        sweeper.stop(Duration.ofSeconds(10), true);
        relay.close();
    }

    /** One write of a tracked saga: the next record and the history entries that explain it. */
    private final class Change {
        private final ChoreographyDefinition definition;
        private final SagaRecord before;
        private final TrackedProgress from;
        private final TrackedProgress to;
        private final long now;
        private final List<HistoryEvent> history = new ArrayList<>();

        Change(ChoreographyDefinition definition, SagaRecord before, TrackedProgress from, TrackedProgress to, long now) {
            this.definition = definition;
            this.before = before;
            this.from = from;
            this.to = to;
            this.now = now;
        }

        void add(HistoryEventType type, String step, String detail) {
            int seq = (before == null ? 0 : before.historySize()) + history.size() + 1;
            history.add(new HistoryEvent(seq, Instant.ofEpochMilli(now), type, step, 0, Duration.ZERO, detail));
        }

        void describe(Role role, Message event, boolean expected) {
            String what = event.type() + " (message " + event.id() + ")";
            if (!expected || to.unexpected() > from.unexpected()) {
                add(HistoryEventType.STEP_SKIPPED, role.step() < 0 ? null : definition.steps().get(role.step()).name(),
                        "unexpected here, not acted on: " + what);
                return;
            }
            switch (role.kind()) {
                case STARTED -> add(HistoryEventType.SAGA_STARTED, null, what + ", correlation id " + event.correlationId());
                case SUCCEEDED -> add(HistoryEventType.STEP_SUCCEEDED, definition.steps().get(role.step()).name(), what);
                case FAILED -> {
                    add(HistoryEventType.STEP_FAILED, definition.steps().get(role.step()).name(), what);
                    List<Integer> owed = definition.compensationsRequiredBy(role.step());
                    if (!owed.isEmpty()) {
                        add(HistoryEventType.COMPENSATION_STARTED, null, "owed: " + owed.stream()
                                .map(i -> definition.steps().get(i).compensated().toString()).toList());
                    }
                }
                case COMPENSATED -> add(HistoryEventType.COMPENSATION_SUCCEEDED, definition.steps().get(role.step()).name(), what);
            }
            SagaState state = to.state(definition);
            SagaState was = before == null ? null : before.state();
            if (state != was && state == SagaState.COMPLETED) {
                add(HistoryEventType.SAGA_COMPLETED, null, null);
            } else if (state != was && state == SagaState.FAILED) {
                add(HistoryEventType.SAGA_FAILED, null, "every owed compensation was seen");
            }
        }

        /** @param event the event being applied, or null for the deadline check */
        SagaRecord record(Message event) {
            SagaState state = to.state(definition);
            long createdAt = before == null ? now : before.createdAt();
            Long deadlineAt = before != null ? before.deadlineAt()
                    : definition.deadline().map(d -> now + d.toMillis()).orElse(null);
            // Due for the deadline check only while it runs and has not been flagged yet.
            Long wakeAt = state.isTerminal() || to.overdue() ? null : deadlineAt;
            String failure = to.failedStep() == null ? null
                    : "step '" + definition.steps().get(to.failedStep()).name() + "' failed";
            String id = before != null ? before.id() : event.sagaId();
            String correlationId = before != null ? before.correlationId() : event.correlationId();
            String data = Json.encode(to, "the progress of saga " + id);
            SagaRecord base = before != null ? before
                    : SagaRecord.newInstance(id, definition.name(), 1, id, correlationId, data, createdAt, deadlineAt);
            SagaRecord next = base.toBuilder().state(state).data(data)
                    .position(SagaRecord.Position.at(to.currentStep(definition))).toCompensate(List.copyOf(to.succeeded()))
                    .failure(failure).wakeAt(wakeAt).historySize((before == null ? 0 : before.historySize()) + history.size())
                    .updatedAt(now).build();
            return next.stamped(new SagaRecord.Fence((before == null ? 0 : before.version()) + 1,
                    trackerId + ":" + writeCounter.incrementAndGet(), next.historySize()), SagaRecord.Lease.NONE, now);
        }
    }

    public static final class Builder {
        private final SagaStore store;
        private final Transport transport;
        private final Map<String, ChoreographyDefinition> definitions = new LinkedHashMap<>();
        private String group = "sagaflow-tracker";
        private Clock clock = Clock.systemUTC();
        private Duration checkEvery = Duration.ofSeconds(1);
        private ContextPropagation propagation;

        private Builder(SagaStore store, Transport transport) {
            this.store = Objects.requireNonNull(store, "store");
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        public Builder track(ChoreographyDefinition definition) {
            Objects.requireNonNull(definition, "definition");
            if (definitions.putIfAbsent(definition.name(), definition) != null) {
                throw new IllegalArgumentException("choreography " + definition.name() + " is tracked already");
            }
            return this;
        }

        /** The consumer group the trackers of this deployment share on each channel (default {@code sagaflow-tracker}). */
        public Builder group(String group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /** How often overdue sagas are looked for (default 1 s). */
        public Builder checkDeadlinesEvery(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("checkDeadlinesEvery must be positive; was " + interval);
            }
            this.checkEvery = interval;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Writes the current context into the headers of the timeout events the tracker publishes.
         * They are published by the deadline sweeper, whose thread has no context of its own, so only
         * a context something else makes current there travels. Default: none, no trace headers.
         */
        public Builder propagation(ContextPropagation propagation) {
            this.propagation = Objects.requireNonNull(propagation, "propagation");
            return this;
        }

        public SagaTracker build() {
            if (definitions.isEmpty()) {
                throw new IllegalArgumentException("the tracker needs at least one choreography to track(...)");
            }
            return new SagaTracker(this);
        }
    }
}
