package dev.sagaflow;

import dev.sagaflow.internal.Identifiers;
import dev.sagaflow.internal.InstanceViews;
import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.NodeIdentity;
import dev.sagaflow.internal.Observers;
import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaEventListener;
import dev.sagaflow.internal.Registry;
import dev.sagaflow.internal.SagaStateMachine;
import dev.sagaflow.internal.Transition;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SignalDelivery;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import dev.sagaflow.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts, signals, finds, cancels and retries sagas on a store, and runs none: it has no threads. The
 * engine nodes on the same store (another process, another machine, or a SQLite file a node in
 * another process holds) pick up what it writes, within their poll interval.
 * <pre>{@code
 * SagaClient client = SagaClient.builder(store).register(purchaseSaga).build();
 * client.signal("purchase-request", "req-42", "decision", new Decision(true, "ok"), "decision-req-42");
 * }</pre>
 * Starting and signalling need the saga's definition (to check the data and the signal); the
 * operator's requests (cancel, retry, skip, resolve: {@link OperatorRequest}) and the queries do not:
 * a request is an entry in the instance's inbox, applied by the node that holds the instance or next
 * claims it, and recorded in its history with who asked and why.
 */
public final class SagaClient implements AutoCloseable {
    private final SagaStore store;
    private final Registry registry;
    private final Clock clock;
    private final int maxDataBytes;
    private final NodeIdentity identity;
    private final Observers observers;

    SagaClient(SagaStore store, Registry registry, Clock clock, int maxDataBytes, NodeIdentity identity, Observers observers) {
        this.observers = observers;
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.maxDataBytes = maxDataBytes;
        this.identity = identity;
    }

    public static Builder builder(SagaStore store) {
        return new Builder(store);
    }

    /**
     * Starts an instance of the latest registered version of a saga and returns once it is durable;
     * an engine node on the store runs it. Idempotent: the same saga name and idempotency key returns
     * the instance that key started.
     *
     * @throws UnknownSagaException     this client has no definition of that name
     * @throws IllegalArgumentException data is null or not of the definition's data type, or the key is not usable
     * @throws SagaDataException        data cannot be written as JSON, or is larger than the limit
     */
    public SagaId start(String sagaName, Object data, String idempotencyKey) {
        return start(sagaName, data, idempotencyKey, idempotencyKey);
    }

    /** As {@link #start(String, Object, String)}, with a correlation id carried to every step. */
    public SagaId start(String sagaName, Object data, String idempotencyKey, String correlationId) {
        NewInstance prepared = prepareStart(sagaName, data, idempotencyKey, correlationId);
        long now = prepared.row().updatedAt();
        SagaRecord row = prepared.row().stamped(new SagaRecord.Fence(1, identity.nextWriteId(), prepared.row().historySize()),
                SagaRecord.Lease.NONE, now);
        WriteResult result = store.write(List.of(new StoreWrite.Insert(row, prepared.history()))).getFirst();
        if (!result.isApplied()) {
            return new SagaId(result.existingId());
        }
        started(row);
        return new SagaId(row.id());
    }

    /**
     * The insert of the instance a schedule starts for one tick, ready to be written with the tick's
     * claim: keyed and correlated by the tick, its SAGA_STARTED entry saying which schedule and tick.
     */
    StoreWrite.Insert scheduledStart(Schedule schedule, Instant tick, boolean missed) {
        String key = schedule.idempotencyKey(tick);
        NewInstance prepared = prepareStart(schedule.sagaName(), schedule.dataFor(tick), key, key);
        String why = "started by schedule '" + schedule.name() + "' for its tick " + tick.atZone(schedule.zone())
                + (missed ? " (the latest missed tick, run once)" : "");
        List<HistoryEvent> history = new ArrayList<>(prepared.history().size());
        for (HistoryEvent e : prepared.history()) {
            history.add(e.type() != HistoryEventType.SAGA_STARTED ? e : new HistoryEvent(e.seq(), e.at(), e.type(), e.step(),
                    e.attempt(), e.duration(), e.detail() == null ? why : e.detail() + "; " + why, e.stackTrace()));
        }
        long now = prepared.row().updatedAt();
        SagaRecord row = prepared.row().stamped(new SagaRecord.Fence(1, identity.nextWriteId(), prepared.row().historySize()),
                SagaRecord.Lease.NONE, now);
        return new StoreWrite.Insert(row, history);
    }

    /** Tells the event listeners of a new instance, on a virtual thread of their own. */
    void started(SagaRecord row) {
        if (observers.listening()) {
            Thread.ofVirtual().start(() -> observers.tell(new SagaEvent.Started(Observers.refOf(row))));
        }
    }

    /** A new instance's first row and history, checked and computed but not yet stamped for writing. */
    record NewInstance(SagaStateMachine machine, SagaRecord row, List<HistoryEvent> history, Object data) {
    }

    NewInstance prepareStart(String sagaName, Object data, String idempotencyKey, String correlationId) {
        SagaStateMachine machine = registry.latest(sagaName);
        SagaDefinition<?> definition = machine.definition();
        Identifiers.require(idempotencyKey, "idempotencyKey", Identifiers.MAX_KEY_LENGTH);
        if (correlationId != null) {
            Identifiers.require(correlationId, "correlationId", Identifiers.MAX_KEY_LENGTH);
        }
        if (data == null) {
            throw new IllegalArgumentException("data of saga '" + sagaName + "' must not be null");
        }
        if (!definition.dataType().isInstance(data)) {
            throw new IllegalArgumentException("data of saga '" + sagaName + "' must be a " + definition.dataType().getName()
                    + ", was a " + data.getClass().getName());
        }
        Json.Stored stored = Json.storable(data, definition.dataType(), "a new '" + sagaName + "' saga", maxDataBytes);
        long now = clock.millis();
        Long deadlineAt = definition.deadline().map(d -> now + d.toMillis()).orElse(null);
        SagaRecord initial = SagaRecord.newInstance(UUID.randomUUID().toString(), sagaName, definition.version(),
                idempotencyKey, correlationId, stored.json(), now, deadlineAt, observers.startContext());
        Object copy = stored.copy();
        @SuppressWarnings("unchecked")
        SagaDefinition<Object> typed = (SagaDefinition<Object>) definition;
        Transition started = machine.start(initial, i -> typed.step(i).runsFor(copy), now);
        return new NewInstance(machine, started.next(), started.history(), copy);
    }

    /**
     * Sends a signal to an instance: kept in its inbox until the instance reaches a step that awaits
     * that name (at once if it waits already), then folded into its data. Idempotent per
     * {@code signalId}: the same id again changes nothing and says it was a duplicate.
     *
     * @param payload  the payload, written as JSON; it must read back as the type the saga awaits
     * @param signalId the signal's id, or {@code null} for a new random one
     * @throws SagaNotFoundException      no instance has this id
     * @throws IllegalSagaStateException  the instance has ended
     * @throws IllegalArgumentException   the saga awaits no signal of this name, or the id is taken by another signal
     * @throws SagaDataException          the payload does not read as the awaited type
     * @throws UnknownSagaException       this client has no definition of the instance's saga
     */
    public SignalReceipt signal(SagaId sagaId, String name, Object payload, String signalId) {
        SagaRecord r = store.find(sagaId.value()).orElseThrow(() -> new SagaNotFoundException(sagaId));
        return deliver(r, name, payloadJson(r, name, payload), signalId);
    }

    /** As {@link #signal(SagaId, String, Object, String)}, to the instance started with this idempotency key. */
    public SignalReceipt signal(String sagaName, String idempotencyKey, String name, Object payload, String signalId) {
        SagaRecord r = byKey(sagaName, idempotencyKey);
        return deliver(r, name, payloadJson(r, name, payload), signalId);
    }

    /** As {@link #signal(SagaId, String, Object, String)} with the payload given as JSON text (from a command line). */
    public SignalReceipt signalJson(SagaId sagaId, String name, String payloadJson, String signalId) {
        SagaRecord r = store.find(sagaId.value()).orElseThrow(() -> new SagaNotFoundException(sagaId));
        return deliver(r, name, payloadJson, signalId);
    }

    /** As {@link #signalJson(SagaId, String, String, String)}, to the instance started with this idempotency key. */
    public SignalReceipt signalJson(String sagaName, String idempotencyKey, String name, String payloadJson, String signalId) {
        return deliver(byKey(sagaName, idempotencyKey), name, payloadJson, signalId);
    }

    private SagaRecord byKey(String sagaName, String idempotencyKey) {
        return store.findByIdempotencyKey(sagaName, idempotencyKey).orElseThrow(() -> new SagaNotFoundException(
                "No '" + sagaName + "' saga was started with idempotency key '" + idempotencyKey + "'"));
    }

    private String payloadJson(SagaRecord r, String name, Object payload) {
        Class<?> type = signalType(r, name);
        if (payload != null && !type.isInstance(payload)) {
            throw new IllegalArgumentException("signal '" + name + "' of saga '" + r.sagaName() + "' carries a "
                    + type.getName() + ", not a " + payload.getClass().getName());
        }
        return Json.storable(payload, type, "the payload of signal '" + name + "'", maxDataBytes).json();
    }

    private Class<?> signalType(SagaRecord r, String name) {
        Objects.requireNonNull(name, "name");
        SagaDefinition<?> definition = registry.find(r.sagaName(), r.sagaVersion())
                .orElseThrow(() -> new UnknownSagaException(r.sagaName() + " v" + r.sagaVersion(), registry.describe()))
                .definition();
        Class<?> type = definition.signals().get(name);
        if (type == null) {
            throw new IllegalArgumentException("saga '" + r.sagaName() + "' v" + definition.version()
                    + " awaits no signal named '" + name + "'; it awaits " + definition.signals().keySet());
        }
        return type;
    }

    private SignalReceipt deliver(SagaRecord r, String name, String payloadJson, String signalId) {
        Class<?> type = signalType(r, name);
        String whose = "the payload of signal '" + name + "' for saga " + r.id();
        if (payloadJson == null || payloadJson.length() > maxDataBytes) {
            throw new SagaDataException(whose + (payloadJson == null ? " is missing" : " is larger than " + maxDataBytes
                    + " characters"));
        }
        Json.decode(payloadJson, type, whose);
        String id = signalId == null ? UUID.randomUUID().toString()
                : Identifiers.require(signalId, "signalId", Identifiers.MAX_KEY_LENGTH);
        return receipt(r, new SignalRecord(id, r.id(), name, payloadJson, clock.millis()));
    }

    private SignalReceipt receipt(SagaRecord r, SignalRecord signal) {
        SagaId sagaId = new SagaId(r.id());
        SignalDelivery delivery = store.deliverSignal(signal, signal.receivedAt());
        return switch (delivery) {
            case DELIVERED -> new SignalReceipt(sagaId, signal.signalId(), false);
            case DUPLICATE -> new SignalReceipt(sagaId, signal.signalId(), true);
            case ID_TAKEN -> throw new IllegalArgumentException("signal id '" + signal.signalId()
                    + "' is taken by another signal (another instance or another name); nothing changed");
            case NOT_FOUND -> throw new SagaNotFoundException(sagaId);
            case FINISHED -> throw new IllegalSagaStateException("Saga " + r.id() + " has ended ("
                    + store.find(r.id()).map(SagaRecord::state).orElse(r.state()) + "); signal '" + signal.name()
                    + "' was not delivered");
        };
    }

    /**
     * Asks for the saga to be cancelled: a request in its inbox, applied by the node that holds it or
     * next claims it (its completed steps compensated, then CANCELLED). A request the instance's
     * state does not allow (past its point of no return) is refused there, in its history.
     *
     * @throws SagaNotFoundException     no instance has this id
     * @throws IllegalSagaStateException the instance has ended
     */
    public SignalReceipt cancel(SagaId id, String operator, String reason) {
        return request(id, OperatorRequest.cancel(operator, reason));
    }

    public SignalReceipt cancel(SagaId id) {
        return cancel(id, null, null);
    }

    /**
     * Asks for a compensating (usually stalled) saga's compensation to be retried now: a request in
     * its inbox, as {@link #cancel}.
     *
     * @throws IllegalSagaStateException the instance is not compensating
     */
    public SignalReceipt retry(SagaId id, String operator, String reason) {
        return request(id, OperatorRequest.retry(operator, reason));
    }

    public SignalReceipt retry(SagaId id) {
        return retry(id, null, null);
    }

    /**
     * Asks for the compensation under way (stalled, or failing) to be marked done without running it
     * (see {@link OperatorRequest.Kind#SKIP}): history {@code COMPENSATION_SKIPPED}, then compensation
     * goes on with the step completed before it.
     *
     * @throws IllegalSagaStateException the instance is not compensating (or has ended)
     */
    public SignalReceipt skip(SagaId id, String operator, String reason) {
        return request(id, OperatorRequest.skip(operator, reason));
    }

    /**
     * Asks for the saga to be closed by hand as {@code outcome} (FAILED or COMPLETED), running nothing
     * more (see {@link OperatorRequest.Kind#RESOLVE}): history {@code SAGA_RESOLVED}.
     *
     * @throws IllegalSagaStateException the instance has ended
     * @throws IllegalArgumentException  the outcome is neither FAILED nor COMPLETED
     */
    public SignalReceipt resolve(SagaId id, String operator, String reason, SagaState outcome) {
        return request(id, OperatorRequest.resolve(operator, reason, outcome));
    }

    /**
     * Puts an operator's request in the instance's inbox; the node that holds the instance or next
     * claims it applies it (or refuses it in the history). Idempotent per request id: the same id
     * again changes nothing and comes back as a duplicate, also once the instance has ended.
     *
     * @throws SagaNotFoundException     no instance has this id
     * @throws IllegalSagaStateException the instance has ended, or (retry, skip) is not compensating
     * @throws IllegalArgumentException  the request id is taken by another signal or request
     */
    public SignalReceipt request(SagaId id, OperatorRequest request) {
        SagaRecord r = store.find(id.value()).orElseThrow(() -> new SagaNotFoundException(id));
        String kind = request.kind().name().toLowerCase(java.util.Locale.ROOT);
        String requestId = request.requestId() == null ? UUID.randomUUID().toString()
                : Identifiers.require(request.requestId(), "requestId", Identifiers.MAX_KEY_LENGTH);
        if (!r.state().isTerminal() && !r.state().isCompensating()
                && (request.kind() == OperatorRequest.Kind.RETRY || request.kind() == OperatorRequest.Kind.SKIP)) {
            throw new IllegalSagaStateException("Saga " + id + " cannot be " + (request.kind() == OperatorRequest.Kind.RETRY
                    ? "retried" : "skipped") + ": it is " + r.state() + "; only a COMPENSATION_STALLED or COMPENSATING saga "
                    + (request.kind() == OperatorRequest.Kind.RETRY ? "can be" : "has a compensation to skip"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operator", request.operator() == null ? System.getProperty("user.name", "an operator") : request.operator());
        if (request.reason() != null) {
            body.put("reason", request.reason());
        }
        if (request.outcome() != null) {
            body.put("outcome", request.outcome().name());
        }
        if (request.kind() == OperatorRequest.Kind.SKIP && !r.toCompensate().isEmpty()) {
            // The compensation the operator saw: a second skip sent before the first was applied must
            // not skip the one after it.
            body.put("step", r.toCompensate().getLast());
            body.put("left", r.toCompensate().size());
        }
        String payload = Json.encode(body, "an operator's request");
        // An ended instance: the store still says DUPLICATE for an id it has seen (a repeat of the
        // request that ended it), and FINISHED, changing nothing, for any other.
        try {
            return receipt(r, new SignalRecord(requestId, r.id(), "$" + kind, payload, clock.millis()));
        } catch (IllegalSagaStateException ended) {
            throw new IllegalSagaStateException("Saga " + id + " has ended (" + store.find(r.id()).map(SagaRecord::state)
                    .orElse(r.state()) + "); nothing to " + kind);
        }
    }

    /**
     * What became of a request sent with {@link #request} (or cancel, retry, skip, resolve): still
     * pending in the inbox, applied (the history entry's detail), or refused (why).
     */
    public OperatorRequest.Outcome requestOutcome(SignalReceipt receipt) {
        String id = receipt.sagaId().value();
        SagaRecord r = store.find(id).orElseThrow(() -> new SagaNotFoundException(receipt.sagaId()));
        boolean pending = store.inbox(id).pending().stream().anyMatch(s -> s.signalId().equals(receipt.signalId()));
        if (pending) {
            return r.state().isTerminal()
                    ? new OperatorRequest.Outcome(OperatorRequest.Status.REFUSED, "the saga ended (" + r.state()
                    + ") before the request was taken")
                    : new OperatorRequest.Outcome(OperatorRequest.Status.PENDING, null);
        }
        String tag = dev.sagaflow.internal.Requests.tag(receipt.signalId());
        List<HistoryEvent> history = store.history(id);
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEvent event = history.get(i);
            if (event.detail() != null && event.detail().contains(tag)) {
                return new OperatorRequest.Outcome(event.type() == HistoryEventType.REQUEST_REFUSED
                        ? OperatorRequest.Status.REFUSED : OperatorRequest.Status.APPLIED, event.detail());
            }
        }
        // Taken with no entry of its own: a cancel of a saga already cancelling.
        return new OperatorRequest.Outcome(OperatorRequest.Status.APPLIED, null);
    }

    /** The instance with its full history. */
    public SagaInstance get(SagaId id) {
        SagaRecord record = store.find(id.value()).orElseThrow(() -> new SagaNotFoundException(id));
        return view(record, store.history(id.value()));
    }

    /** The instance started with this idempotency key, if any; its history is left empty. */
    public Optional<SagaInstance> findByIdempotencyKey(String sagaName, String idempotencyKey) {
        return store.findByIdempotencyKey(sagaName, idempotencyKey).map(r -> view(r, List.of()));
    }

    /** The instances (up to 1000, newest first) with this correlation id; their histories are left empty. */
    public List<SagaInstance> findByCorrelationId(String correlationId) {
        return list(SagaQuery.all().withCorrelationId(correlationId).page(0, 1000));
    }

    /** Instances by state, saga name, flag or correlation id, newest first; their histories are left empty. */
    public List<SagaInstance> list(SagaQuery query) {
        List<SagaInstance> page = new ArrayList<>();
        for (SagaRecord record : store.list(query)) {
            page.add(view(record, List.of()));
        }
        return page;
    }

    /** How many instances are in each state, of the named saga or ({@code null}) of all. */
    public Map<SagaState, Long> countByState(String sagaName) {
        return store.countByState(sagaName);
    }

    /** Waits until the instance is terminal, polling its row; returns it, or empty on timeout. */
    public Optional<SagaInstance> awaitTermination(SagaId id, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            SagaRecord record = store.find(id.value()).orElseThrow(() -> new SagaNotFoundException(id));
            if (record.state().isTerminal()) {
                return Optional.of(view(record, store.history(id.value())));
            }
            if (System.nanoTime() > until) {
                return Optional.empty();
            }
            Thread.sleep(10);
        }
    }

    SagaInstance view(SagaRecord r, List<HistoryEvent> history) {
        String current = r.state().isTerminal() ? null : registry.find(r.sagaName(), r.sagaVersion())
                .map(machine -> machine.currentStepName(r)).orElse(null);
        return InstanceViews.of(r, current, history);
    }

    /** Closes nothing but itself: the store is the caller's. */
    @Override
    public void close() {
    }

    public static final class Builder {
        private final SagaStore store;
        private final List<SagaDefinition<?>> definitions = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int maxDataBytes = 1 << 20;
        private final Observers.Builder observers = Observers.builder();

        private Builder(SagaStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** A definition whose sagas this client starts and signals. */
        public Builder register(SagaDefinition<?> definition) {
            definitions.add(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Largest data and signal payload, in JSON characters. Default 1 MiB. */
        public Builder maxDataBytes(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxDataBytes must be >= 1; was " + n);
            }
            this.maxDataBytes = n;
            return this;
        }

        /** Carries the starting thread's context (a trace) into the sagas this client starts. Default: none. */
        public Builder propagation(ContextPropagation propagation) {
            observers.propagation(Objects.requireNonNull(propagation, "propagation"));
            return this;
        }

        /** Told of each saga this client starts ({@link SagaEvent.Started}). Default: none. */
        public Builder eventListener(SagaEventListener listener) {
            observers.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public SagaClient build() {
            Registry registry = new Registry(() -> ThreadLocalRandom.current().nextDouble());
            definitions.forEach(registry::register);
            return new SagaClient(store, registry, clock, maxDataBytes, NodeIdentity.of("client"), observers.build());
        }
    }
}
