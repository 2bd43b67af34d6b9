package dev.sagaflow;

import dev.sagaflow.internal.DuePoller;
import dev.sagaflow.internal.GroupCommitter;
import dev.sagaflow.internal.Identifiers;
import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.NodeIdentity;
import dev.sagaflow.internal.Observers;
import dev.sagaflow.internal.InstanceViews;
import dev.sagaflow.internal.LeaseHeartbeat;
import dev.sagaflow.internal.OutboxRelay;
import dev.sagaflow.internal.ReplyReceiver;
import dev.sagaflow.internal.Registry;
import dev.sagaflow.internal.SagaRunner;
import dev.sagaflow.internal.SagaStateMachine;
import dev.sagaflow.internal.Scheduler;
import dev.sagaflow.internal.Transition;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.observe.ContextPropagation;
import dev.sagaflow.observe.NodeHealth;
import dev.sagaflow.observe.SagaEventListener;
import dev.sagaflow.observe.StepInterceptor;
import dev.sagaflow.schedule.InvalidScheduleException;
import dev.sagaflow.schedule.Schedule;
import dev.sagaflow.spi.DueWork;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * Runs sagas durably on a {@link SagaStore}. Built and started by {@link #builder(SagaStore)}:
 * <pre>{@code
 * try (SagaEngine engine = SagaEngine.builder(store).register(orderSaga).build()) {
 *     SagaId id = engine.start("order-fulfilment", order, "order-42");
 * }
 * }</pre>
 * On start the engine resumes, by itself, every instance left in flight on its store. Every
 * transition is committed before the effect that follows it; retries and deadlines are due times
 * in the store, not sleeping threads.
 */
public final class SagaEngine implements AutoCloseable {
    private final SagaStore store;
    private final String nodeId;
    private final NodeIdentity identity;
    private final Clock clock;
    private final Registry registry;
    private final SagaClient client;
    private final GroupCommitter committer;
    private final SagaRunner runner;
    private final DuePoller poller;
    private final LeaseHeartbeat heartbeat;
    private final int maxActive;
    private final int maxDataBytes;
    private final Duration shutdownWait;
    private final Duration storeTimeout;
    private final boolean clientOnly;
    private final Transport transport;
    private final OutboxRelay relay;
    private final ReplyReceiver replies;
    private final Transport.Subscription replySubscription;
    private final Observers observers;
    private final Scheduler scheduler;
    private volatile boolean closed;

    private SagaEngine(Builder b) {
        this.store = b.store;
        this.nodeId = b.nodeId;
        this.identity = NodeIdentity.of(b.nodeId);
        this.clock = b.clock;
        this.maxActive = b.maxActiveInstances;
        this.maxDataBytes = b.maxDataBytes;
        this.shutdownWait = b.shutdownWait;
        this.storeTimeout = b.storeTimeout;
        this.clientOnly = b.clientOnly;
        this.registry = new Registry(() -> ThreadLocalRandom.current().nextDouble());
        this.observers = b.observers.build();
        this.client = new SagaClient(store, registry, clock, b.maxDataBytes, identity, observers);
        this.transport = b.transport;
        b.definitions.forEach(this::requireTransportFor);
        b.definitions.forEach(registry::register);
        requireSchedulable(b.schedules);
        if (!clientOnly) {
            store.open(identity.owner());
        }
        DuePoller[] pollerRef = new DuePoller[1];
        this.scheduler = b.schedules.isEmpty() ? null : new Scheduler(identity.owner(), store, b.schedules,
                new Scheduler.Starts() {
                    @Override
                    public StoreWrite.Insert prepare(Schedule schedule, java.time.Instant tick, boolean missed) {
                        return client.scheduledStart(schedule, tick, missed);
                    }

                    @Override
                    public void started(SagaRecord row) {
                        client.started(row);
                    }
                }, () -> pollerRef[0].wakeUp(), clock, b.pollInterval.toMillis());
        if (scheduler != null) {
            scheduler.register(); // before any thread starts: a store that keeps no schedules fails the build cleanly
        }
        long leaseMillis = b.leaseDuration.toMillis();
        this.committer = new GroupCommitter(store, b.commitBatchSize, nodeId);
        this.runner = new SagaRunner(identity, committer, store, clock, leaseMillis, b.stuckCallAfter.toMillis(),
                b.maxConcurrentSteps, maxDataBytes, b.listener, observers, at -> pollerRef[0].hint(at), registry);
        this.poller = new DuePoller(identity.owner(), store, registry, runner, clock, b.pollInterval.toMillis(), leaseMillis,
                maxActive, Math.min(b.commitBatchSize, maxActive));
        pollerRef[0] = poller;
        this.heartbeat = new LeaseHeartbeat(identity.owner(), store, runner::heldIds, clock, leaseMillis);
        if (transport != null && !clientOnly) {
            this.relay = new OutboxRelay(identity.owner(), store, transport, clock,
                    b.pollInterval.toMillis(), leaseMillis);
            runner.enableCommands(b.replyChannel, relay::wakeUp);
            this.replies = new ReplyReceiver(store, registry, runner);
            this.replySubscription = transport.subscribe(b.replyChannel, REPLY_GROUP, replies::handle);
            relay.start();
        } else {
            this.relay = null;
            this.replies = null;
            this.replySubscription = null;
        }
        if (!clientOnly) {
            store.onDueWork(poller::wakeUp);
            heartbeat.start();
            poller.start();
            if (scheduler != null) {
                scheduler.start();
            }
        }
    }

    /** Refuses, before anything is written, schedules this engine could not run. */
    private void requireSchedulable(List<Schedule> schedules) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Schedule schedule : schedules) {
            if (!names.add(schedule.name())) {
                throw new InvalidScheduleException(schedule.name(), "name", "is given to two schedules of this engine");
            }
            if (!registry.names().contains(schedule.sagaName())) {
                throw new InvalidScheduleException(schedule.name(), "saga", "'" + schedule.sagaName()
                        + "' is not registered on this engine; register its definition too (registered: "
                        + registry.describe() + ")");
            }
        }
        if (!schedules.isEmpty() && clientOnly) {
            throw new IllegalStateException("a client-only engine runs no schedules; give them to the engine nodes");
        }
    }

    /** The consumer group of every engine node on the reply channel: each reply goes to one node. */
    public static final String REPLY_GROUP = "sagaflow-engine";

    private void requireTransportFor(SagaDefinition<?> definition) {
        if (definition.sendsMessages() && transport == null && !clientOnly) {
            throw new IllegalStateException("saga '" + definition.name() + "' sends "
                    + (definition.sendsCommands() ? "commands from remote steps" : "outcome events")
                    + ": give the engine a transport with SagaEngine.Builder.transport(...)");
        }
    }

    public static Builder builder(SagaStore store) {
        return new Builder(store);
    }

    /** Adds a definition; in-flight instances keep the version they started on. */
    public SagaEngine register(SagaDefinition<?> definition) {
        requireTransportFor(definition);
        registry.register(definition);
        poller.wakeUp();
        return this;
    }

    /** The configured name of this engine node, for logs. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Who this engine is in the leases it holds and the outbox rows its relay claims: the node id and
     * a token of this run, so that a restarted node, or a second live node given the same id, never
     * takes this run's writes or leases for its own.
     */
    public String leaseOwner() {
        return identity.owner();
    }

    /**
     * Starts an instance of the latest registered version of a saga and returns once it is durable.
     * Idempotent: starting again with the same saga name and idempotency key returns the id of the
     * instance that key started, whatever the data.
     *
     * @throws UnknownSagaException     no definition has that name
     * @throws IllegalArgumentException data is null or not of the definition's data type
     * @throws SagaDataException        data cannot be written as JSON, or is larger than the limit
     * @throws IllegalArgumentException the idempotency key is blank, longer than 200 characters or
     *                                  holds control characters
     * @throws SagaStoreException       the store did not confirm the start within the
     *                                  {@linkplain Builder#storeTimeout store timeout} (it may still be
     *                                  written: starting again with the same key is safe), or refused it
     */
    public SagaId start(String sagaName, Object data, String idempotencyKey) {
        return join(startAsync(sagaName, data, idempotencyKey, idempotencyKey), "the start of a '" + sagaName + "' saga");
    }

    /** As {@link #start(String, Object, String)}, with a correlation id (same rules as the key) carried to every step. */
    public SagaId start(String sagaName, Object data, String idempotencyKey, String correlationId) {
        return join(startAsync(sagaName, data, idempotencyKey, correlationId), "the start of a '" + sagaName + "' saga");
    }

    /** As {@link #start(String, Object, String, String)}, completing once the instance is durable. */
    public CompletableFuture<SagaId> startAsync(String sagaName, Object data, String idempotencyKey, String correlationId) {
        requireOpen();
        SagaClient.NewInstance prepared = client.prepareStart(sagaName, data, idempotencyKey, correlationId);
        long now = prepared.row().updatedAt();
        boolean runHere = !clientOnly && runner.activeCount() < maxActive;
        SagaRecord row = runner.stamp(prepared.row(), 0, now, runHere);
        String id = row.id();
        SagaStateMachine machine = prepared.machine();
        return committer.submit(new StoreWrite.Insert(row, prepared.history())).thenApply(result -> {
            if (!result.isApplied()) {
                return new SagaId(result.existingId());
            }
            client.started(row);
            if (runHere) {
                runner.activate(machine, row, prepared.data());
            } else {
                poller.wakeUp();
            }
            return new SagaId(id);
        });
    }

    /** The instance with its full history. */
    public SagaInstance get(SagaId id) {
        return client.get(id);
    }

    /** The instance started with this idempotency key, if any. */
    public Optional<SagaInstance> findByIdempotencyKey(String sagaName, String idempotencyKey) {
        return client.findByIdempotencyKey(sagaName, idempotencyKey);
    }

    /** Instances by state, saga name, flag or correlation id, newest first; their {@code history} is left empty. */
    public List<SagaInstance> list(SagaQuery query) {
        return client.list(query);
    }

    /**
     * Sends a signal to an instance; see {@link SagaClient#signal(SagaId, String, Object, String)}.
     * An instance that waits for it is woken on this node at once.
     */
    public SignalReceipt signal(SagaId sagaId, String name, Object payload, String signalId) {
        requireOpen();
        SignalReceipt receipt = client.signal(sagaId, name, payload, signalId);
        poller.wakeUp();
        return receipt;
    }

    /** As {@link #signal(SagaId, String, Object, String)}, to the instance started with this idempotency key. */
    public SignalReceipt signal(String sagaName, String idempotencyKey, String name, Object payload, String signalId) {
        requireOpen();
        SignalReceipt receipt = client.signal(sagaName, idempotencyKey, name, payload, signalId);
        poller.wakeUp();
        return receipt;
    }

    /** This engine as a client: to hand to code that only starts, signals and queries. */
    public SagaClient client() {
        return client;
    }

    /**
     * Aborts a saga: its completed steps (and the step under way) are compensated, then it ends
     * CANCELLED. Returns once the request is durable; compensation follows.
     *
     * @throws IllegalSagaStateException the saga already ended, or is past its point of no return
     */
    public SagaInstance cancel(SagaId id) {
        return operate(id, SagaStateMachine::cancel);
    }

    /**
     * Retries a stalled compensation now, with its attempt count reset.
     *
     * @throws IllegalSagaStateException the saga is not compensating
     */
    public SagaInstance retry(SagaId id) {
        return operate(id, SagaStateMachine::retry);
    }

    private interface OperatorCommand {
        Transition apply(SagaStateMachine machine, SagaRecord record, long now);
    }

    /**
     * An operator's transition: written with the version it was computed from, so a race with the
     * node running the instance is settled by the store. The node that held it sees its next write
     * refused and lets go; the poller here claims the instance at once.
     */
    private SagaInstance operate(SagaId id, OperatorCommand command) {
        requireOpen();
        for (int tries = 0; ; tries++) {
            SagaRecord current = store.find(id.value()).orElseThrow(() -> new SagaNotFoundException(id));
            SagaStateMachine machine = registry.find(current.sagaName(), current.sagaVersion())
                    .orElseThrow(() -> new UnknownSagaException(current.sagaName() + " v" + current.sagaVersion(),
                            registry.describe()));
            long now = clock.millis();
            Transition transition = command.apply(machine, current, now);
            if (transition.history().isEmpty()) {
                return get(id);
            }
            SagaRecord next = runner.stampOperatorChange(transition.next(), current, now);
            // A change that ends the saga at once (a cancel with nothing to compensate) publishes its
            // outcome like any end: in the same write.
            List<Message> outbox = next.state().isTerminal() && !current.state().isTerminal()
                    ? runner.withOutcomeEvent(machine, next, Observers.refOf(next), List.of()) : List.of();
            List<SignalRecord> toParent = next.state().isTerminal() && !current.state().isTerminal()
                    ? runner.endToldToParent(next) : List.of();
            WriteResult result = join(committer.submit(new StoreWrite.Update(next, current.version(), transition.history(),
                    outbox, List.of(), toParent)), "the operator's change of saga " + id);
            if (result.isApplied()) {
                runner.tellOperatorChange(next, transition.history());
                poller.wakeUp();
                return get(id);
            }
            if (tries > 100) {
                throw new SagaException("Saga " + id + " kept changing under the operator command; try again");
            }
        }
    }

    /** How many instances are in each state, of the named saga or ({@code null}) of all: for progress and dashboards. */
    public Map<SagaState, Long> countByState(String sagaName) {
        return client.countByState(sagaName);
    }

    /** Waits until the instance is terminal, polling its row; returns it, or empty on timeout. */
    public Optional<SagaInstance> awaitTermination(SagaId id, Duration timeout) throws InterruptedException {
        return client.awaitTermination(id, timeout);
    }

    /**
     * This node's state: whether the store answers (one read, at most the store timeout), the leases
     * it holds, the due work no node has taken and how far behind it is, its last commit.
     */
    public NodeHealth health() {
        long now = clock.millis();
        List<String> names = registry.names().stream().toList();
        try {
            CompletableFuture<DueWork> read = CompletableFuture.supplyAsync(
                    () -> store.dueWork(names, now, NodeHealth.DUE_COUNT_CAP),
                    task -> Thread.ofVirtual().name("sagaflow-health").start(task));
            DueWork due = read.get(storeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            long behind = due.oldestWakeAt() == null ? 0 : Math.max(0, now - due.oldestWakeAt());
            return new NodeHealth(nodeId, true, committer.lastFailure(), runner.activeCount(), due.count(),
                    Duration.ofMillis(behind), committer.lastCommit());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SagaException("interrupted while reading the node's health", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String why = cause instanceof TimeoutException ? "no answer within " + describe(storeTimeout) : cause.getMessage();
            return new NodeHealth(nodeId, false, why, runner.activeCount(), 0, Duration.ZERO, committer.lastCommit());
        }
    }

    /** Replies that moved an instance, and replies dropped as duplicates or late (0 without a transport). */
    public long repliesApplied() {
        return replies == null ? 0 : replies.applied();
    }

    public long repliesIgnored() {
        return replies == null ? 0 : replies.ignored();
    }

    /** Commits so far and writes committed (their ratio is the mean group-commit batch). */
    public long commits() {
        return committer.commits();
    }

    public long writes() {
        return committer.writes();
    }

    /**
     * Transitions this node computed whose write the store refused because the instance had moved
     * on: another node took it over after this one's lease ran out, or an operator acted on it.
     */
    public long refusedWrites() {
        return runner.refusedWrites();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the saga engine " + nodeId + " is closed");
        }
    }

    /** Waits for a write of the caller's, at most the store timeout: no call waits on the store without bound. */
    private <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.get(storeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String lastError = committer.lastFailure();
            throw new SagaStoreException("The store did not confirm " + what + " within " + describe(storeTimeout)
                    + (lastError == null ? "" : " (the store keeps failing: " + lastError + ")")
                    + "; it may still be written, and doing it again is safe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SagaException("interrupted while waiting for a commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(e.getCause());
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    /**
     * Stops gracefully: no new effect starts, calls under way may finish (up to the shutdown wait,
     * their leases still renewed) and their outcomes are committed, then this node's leases are
     * handed back so that another node (or the next start) continues at once. The store is left
     * open: it is the caller's.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (replySubscription != null) {
            replySubscription.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        poller.close();
        runner.close(shutdownWait.toMillis());
        committer.close(storeTimeout.toMillis());
        if (relay != null) {
            relay.close();
        }
        // Renewed until here, so calls that finish during the shutdown wait keep their instances;
        // stopped before the release, which a late beat must not follow.
        heartbeat.close();
        try {
            store.releaseLeases(identity.owner());
        } catch (RuntimeException e) {
            // Leases expire on their own; another node takes over after that.
        }
    }

    /** Options of an engine node; each setter documents its default. */
    public static final class Builder {
        private final SagaStore store;
        private final List<SagaDefinition<?>> definitions = new ArrayList<>();
        private final List<Schedule> schedules = new ArrayList<>();
        private String nodeId = defaultNodeId();
        private Clock clock = Clock.systemUTC();
        private int maxConcurrentSteps = 256;
        private int maxActiveInstances = 10_000;
        private int commitBatchSize = 512;
        private int maxDataBytes = 1 << 20;
        private Duration pollInterval = Duration.ofMillis(100);
        private Duration leaseDuration = Duration.ofSeconds(30);
        private Duration shutdownWait = Duration.ofSeconds(10);
        private Duration storeTimeout = Duration.ofSeconds(30);
        private Duration stuckCallAfter = Duration.ofMinutes(1);
        private final Observers.Builder observers = Observers.builder();
        private boolean clientOnly;
        private Transport transport;
        private String replyChannel = "sagaflow.replies";
        private SagaListener listener = new SagaListener() {
        };

        private Builder(SagaStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        private static String defaultNodeId() {
            return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        /** Registers a definition (checked when it was built). */
        public Builder register(SagaDefinition<?> definition) {
            definitions.add(Objects.requireNonNull(definition, "definition"));
            return this;
        }

        /**
         * Runs a schedule on this node: at each of its ticks one node of those sharing the store starts
         * the schedule's saga, once. Its saga must be {@linkplain #register registered} here too; the
         * schedule is checked, and its row registered in the store, when the engine is built.
         */
        public Builder schedule(Schedule schedule) {
            schedules.add(Objects.requireNonNull(schedule, "schedule"));
            return this;
        }

        /** Identity of this node in leases and logs. Default: pid and a random suffix. */
        public Builder nodeId(String nodeId) {
            this.nodeId = Identifiers.require(nodeId, "nodeId", 100);
            return this;
        }

        /** Source of time for due times and deadlines. Default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Step and compensation calls running at once on this node. Default 256. */
        public Builder maxConcurrentSteps(int n) {
            this.maxConcurrentSteps = positive(n, "maxConcurrentSteps");
            return this;
        }

        /** Instances this node holds at once; more wait in the store. Default 10,000. */
        public Builder maxActiveInstances(int n) {
            this.maxActiveInstances = positive(n, "maxActiveInstances");
            return this;
        }

        /** Most transitions in one store transaction. Default 512. */
        public Builder commitBatchSize(int n) {
            this.commitBatchSize = positive(n, "commitBatchSize");
            return this;
        }

        /** Largest saga data, as JSON characters. Default 1 MiB. */
        public Builder maxDataBytes(int n) {
            this.maxDataBytes = positive(n, "maxDataBytes");
            return this;
        }

        /** Longest time between two looks for due work. Default 100 ms. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** How long a claim on an instance lasts without renewal. Default 30 s. */
        public Builder leaseDuration(Duration duration) {
            this.leaseDuration = duration;
            return this;
        }

        /** How long {@link SagaEngine#close()} lets running calls finish. Default 10 s. */
        public Builder shutdownWait(Duration wait) {
            this.shutdownWait = wait;
            return this;
        }

        /**
         * How long {@code start}, {@code cancel} and {@code retry} wait for the store to confirm their
         * write before they fail with a {@link dev.sagaflow.spi.SagaStoreException} that says so.
         * Default 30 s.
         */
        public Builder storeTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("storeTimeout must be positive; was " + timeout);
            }
            this.storeTimeout = timeout;
            return this;
        }

        /**
         * Starts, queries and operates on sagas but runs none: the sagas it starts or cancels are
         * left for the engine nodes on the same store. For a front end or a batch submitter beside a
         * cluster; on SQLite it does not take the file's node lock.
         */
        public Builder clientOnly() {
            this.clientOnly = true;
            return this;
        }

        /**
         * Carries the commands of remote steps and their replies. Required when a registered saga has
         * remote steps. The engine consumes replies on {@link #replyChannel} as group
         * {@value SagaEngine#REPLY_GROUP} and relays its outbox to the transport; closing the
         * engine does not close the transport: it is the caller's.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Where participants send replies to this engine's commands. Default {@code sagaflow.replies}. */
        public Builder replyChannel(String channel) {
            this.replyChannel = Identifiers.require(channel, "replyChannel", 200);
            return this;
        }

        /**
         * A call that timed out but has not returned (it ignores the interrupt) holds up what follows
         * for its instance, its compensation included: a compensation never overtakes its call. After
         * this long the instance is flagged CALL_NOT_RETURNING for an operator, and still waits.
         * Default 1 minute.
         */
        public Builder stuckCallAfter(Duration after) {
            if (after == null || after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("stuckCallAfter must be positive; was " + after);
            }
            this.stuckCallAfter = after;
            return this;
        }

        /** Told of each recorded attempt and each ended saga. Default: none. */
        public Builder listener(SagaListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Runs around each step and compensation attempt on the thread that runs it; several nest in
         * the order added, the first outermost. Default: none.
         */
        public Builder interceptor(StepInterceptor interceptor) {
            observers.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Told of each lifecycle event once it is durable; several may be added. Default: none. */
        public Builder eventListener(SagaEventListener listener) {
            observers.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Carries the starting thread's context (a trace) into the saga's attempts and the headers of
         * the messages they send. Default: none.
         */
        public Builder propagation(ContextPropagation propagation) {
            observers.propagation(Objects.requireNonNull(propagation, "propagation"));
            return this;
        }

        /** Opens the store for this node, starts the engine and resumes the instances in flight. */
        public SagaEngine build() {
            return new SagaEngine(this);
        }

        private static int positive(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be >= 1; was " + n);
            }
            return n;
        }
    }
}
