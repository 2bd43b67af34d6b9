package dev.sagaflow.faults;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaListener;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepContext;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.WriteRefusedException;
import dev.sagaflow.testing.CallRecorder;
import dev.sagaflow.testing.DuplicatingTransport;
import dev.sagaflow.testing.EffectLedger;
import dev.sagaflow.testing.FaultInjectingStore;
import dev.sagaflow.testing.SeverableStore;
import dev.sagaflow.testing.SeverableTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9, "a randomized fault test": for a seed, three engine nodes (threads of this JVM) share one
 * {@link InMemorySagaStore}, each through its own {@link FaultInjectingStore} with seed-drawn rates of
 * connections lost before a commit and commit replies lost after it (claims included), and all
 * through one {@link DuplicatingTransport}, so every command and reply arrives twice, reordered. The
 * saga mixes a local compensatable step (random retryable failures, now and then a first attempt that
 * outlives its timeout and ignores the interrupt, now and then a result the store refuses), a remote
 * compensatable step answered by a fake payment service (an inbox by message id, effects keyed by
 * idempotency key, tombstones for a compensation that overtakes its command, declines fixed per
 * order, transient failures at random, some orders slower than the reply timeout), a pivot and a
 * retriable step (transient failures). A listener throws at random; an operator cancels sagas at
 * random moments from random nodes; some starts carry a correlation id the store refuses; and at
 * random moments a node is "killed": cut off
 * from the store and the transport for good, its step bodies stopping at once, and replaced by a
 * fresh engine under the same node id. A real SIGKILL of an engine process is covered by the
 * forked-JVM crash tests elsewhere; here the kill is a cut, which is what the other nodes see of it.
 *
 * <p>After every saga is terminal the run is checked by {@link Checker}, code of this test, not the
 * engine's: every started saga terminal; no two calls of one key at the same time; a local step's
 * compensation begun only after the last call of its key ended; each effect applied at most once and
 * undone at most once; the effects in the ledger consistent with each saga's end (COMPLETED: every
 * effect present once; FAILED or CANCELLED: no compensatable effect left, no pivot nor later effect);
 * each step recorded succeeded and compensated at most once; an accepted cancel ends CANCELLED, only
 * a cancelled saga ends CANCELLED, and a cancel refused past the pivot never does; a refused start
 * leaves nothing. The checker is shown
 * to catch planted faults in {@link #theCheckerReportsEachPlantedFault()}.
 *
 * <p>Seeds: {@code -Dsagaflow.seed=N} replays one; {@code -Dsagaflow.seeds=K} runs K seeds from
 * {@code -Dsagaflow.baseSeed} (default 1); the default is {@value #DEFAULT_SEEDS} seeds. A seed fixes
 * the plan (fault rates, orders, the moments of starts, cancels and kills, every injected failure
 * decision); the threads' interleaving is the machine's, so a replay reruns the same plan, not the
 * same schedule. Each seed prints a one-line summary; the totals go to the output and to
 * {@code target/randomized-faults.txt}.
 */
class RandomizedFaultTest {
    static final int DEFAULT_SEEDS = 4;
    static final String SAGA = "order";
    static final String RESERVE = "reserve";
    static final String CHARGE = "charge";
    static final String SHIP = "ship";
    static final String NOTIFY = "notify";
    /** The key suffix under which a compensation's calls are recorded. */
    static final String UNDO = "#undo";
    static final String PAYMENTS = "payment.commands";
    static final String REFUSED_MARK = "refuse-";
    static final String UNSTORABLE = "unstorable";
    /** How a step result the store refuses shows in the saga's data. */
    static final String UNSTORABLE_JSON = "\"mark\":\"" + UNSTORABLE + "\"";
    static final int NODES = 3;
    static final Duration LEASE = Duration.ofMillis(400);
    /** How long the engine waits for the payment service's reply. */
    static final Duration CHARGE_TIMEOUT = Duration.ofMillis(250);
    static final Duration TERMINAL_WAIT = Duration.ofSeconds(30);

    /** The order a saga carries; the flags are the seed's plan for it. */
    public record Order(String id, boolean declined, boolean slowPayment, boolean unstorable, boolean stubborn,
                        boolean failShip, String mark) {
        Order marked(String m) {
            return new Order(id, declined, slowPayment, unstorable, stubborn, failShip, m);
        }
    }

    static LongStream seeds() {
        String one = System.getProperty("sagaflow.seed");
        if (one != null && !one.isBlank()) {
            return LongStream.of(Long.parseLong(one.trim()));
        }
        int count = Integer.getInteger("sagaflow.seeds", DEFAULT_SEEDS);
        long base = Long.getLong("sagaflow.baseSeed", 1L);
        return LongStream.range(base, base + count);
    }

    static String replay(long seed) {
        return "seed " + seed + " (replay: ./mvnw -pl sagaflow-core -am test -Dtest=RandomizedFaultTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dsagaflow.seed=" + seed + ")";
    }

    // ---------------------------------------------------------------- the runs

    static final Totals TOTALS = new Totals();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySagaEndsConsistentUnderRandomFaults(long seed) {
        Run run = new Run(Plan.of(seed));
        List<String> violations = new ArrayList<>();
        long began = System.nanoTime();
        try {
            run.execute();
        } catch (Throwable t) {
            violations.add("the run itself failed: " + t);
            t.printStackTrace(System.out);
        } finally {
            violations.addAll(run.close());
        }
        Facts facts = run.facts();
        violations.addAll(Checker.check(facts));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        String line = run.summary(facts, millis, violations.isEmpty());
        TOTALS.add(run, facts, millis, violations.isEmpty() ? null : seed);
        System.out.println(line);
        if (!violations.isEmpty()) {
            fail(replay(seed) + ": " + violations.size() + " violation(s)\n  " + String.join("\n  ", violations)
                    + "\n" + line);
        }
    }

    @AfterAll
    static void printTotals() throws IOException {
        if (TOTALS.seeds.get() == 0) {
            return;
        }
        String text = TOTALS.describe();
        System.out.println(text);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("randomized-faults.txt"), text + "\n");
        }
        if (TOTALS.seeds.get() >= DEFAULT_SEEDS) {
            // Counts collected are asserted: over a few seeds every kind of fault was injected.
            assertThat(TOTALS.kills.get()).as("kills over %d seeds", TOTALS.seeds.get()).isPositive();
            assertThat(TOTALS.cancelsAccepted.get()).as("cancels accepted").isPositive();
            assertThat(TOTALS.duplicates.get()).as("duplicates sent").isPositive();
            assertThat(TOTALS.refusedWrites.get()).as("refused writes").isPositive();
            assertThat(TOTALS.lostCommitReplies.get()).as("lost commit replies").isPositive();
            assertThat(TOTALS.listenerThrows.get()).as("listener throws").isPositive();
            assertThat(TOTALS.stubbornCalls.get()).as("calls that outlived their timeout").isPositive();
            assertThat(TOTALS.lateCommands.get()).as("commands that came after their compensation").isPositive();
        }
    }

    /** What a seed decides before anything runs. */
    record Plan(long seed, double[] failBefore, double[] failAfter, double[] loseClaims, double reserveFailure,
                double undoFailure, double chargeFailure, double refundFailure, double notifyFailure,
                double listenerThrow, long stubbornMillis, List<Start> starts, List<Cancel> cancels, List<Kill> kills) {

        record Start(long at, int node, String key, String correlationId, Order order) {
            boolean refused() {
                return correlationId.startsWith(REFUSED_MARK);
            }
        }

        record Cancel(long at, int node, int pick) {
        }

        record Kill(long at, int node) {
        }

        static Plan of(long seed) {
            Random r = new Random(seed);
            int slots = NODES + 2;
            double[] before = new double[slots];
            double[] after = new double[slots];
            double[] claims = new double[slots];
            for (int i = 0; i < slots; i++) {
                before[i] = r.nextDouble() * 0.05;
                after[i] = r.nextDouble() * 0.05;
                claims[i] = r.nextDouble() * 0.10;
            }
            double reserveFailure = r.nextDouble() * 0.3;
            double undoFailure = r.nextDouble() * 0.15;
            double chargeFailure = r.nextDouble() * 0.3;
            double refundFailure = r.nextDouble() * 0.15;
            double notifyFailure = r.nextDouble() * 0.4;
            double listenerThrow = r.nextDouble() * 0.3;
            long stubbornMillis = 120 + r.nextInt(120);
            int sagas = 40 + r.nextInt(41);
            List<Start> starts = new ArrayList<>();
            for (int i = 0; i < sagas; i++) {
                String id = "o-" + i;
                boolean refused = r.nextDouble() < 0.05;
                Order order = new Order(id, r.nextDouble() < 0.15, r.nextDouble() < 0.04, r.nextDouble() < 0.05,
                        r.nextDouble() < 0.10, r.nextDouble() < 0.05, null);
                starts.add(new Start(r.nextInt(300), r.nextInt(NODES), id, refused ? REFUSED_MARK + id : id, order));
            }
            List<Cancel> cancels = new ArrayList<>();
            for (int i = 0, n = sagas / 6; i < n; i++) {
                cancels.add(new Cancel(20 + r.nextInt(450), r.nextInt(NODES), r.nextInt(1_000_000)));
            }
            List<Kill> kills = new ArrayList<>();
            for (int i = 0, n = r.nextInt(3); i < n; i++) {
                kills.add(new Kill(50 + r.nextInt(300), r.nextInt(NODES)));
            }
            return new Plan(seed, before, after, claims, reserveFailure, undoFailure, chargeFailure, refundFailure,
                    notifyFailure, listenerThrow, stubbornMillis, starts, cancels, kills);
        }

        /** A failure decision fixed by the seed, the order, the attempt and what is decided. */
        boolean roll(String orderId, int attempt, String what, double p) {
            long mixed = seed * 0x9E3779B97F4A7C15L + orderId.hashCode() * 31L + attempt * 1_000_003L + what.hashCode();
            return new SplittableRandom(mixed).nextDouble() < p;
        }
    }

    /** One engine node: its own faulty way to the store, its own cut-off-able connection to the transport. */
    static final class Node {
        final String nodeId;
        final int slot;
        final FaultInjectingStore faults;
        final SeverableStore store;
        final SeverableTransport transport;
        final SagaEngine engine;

        Node(Run run, String nodeId, int slot) {
            this.nodeId = nodeId;
            this.slot = slot;
            Plan p = run.plan;
            this.faults = new FaultInjectingStore(run.memory, p.seed() * 31 + slot, p.failBefore()[slot], p.failAfter()[slot])
                    .loseClaimsAfterCommit(p.loseClaims()[slot])
                    .refuseWritesWhere(w -> w.record().correlationId().startsWith(REFUSED_MARK)
                            || (w.record().data() != null && w.record().data().contains(UNSTORABLE_JSON)));
            this.store = new SeverableStore(faults);
            this.transport = new SeverableTransport(run.transport);
            this.engine = SagaEngine.builder(store.store()).nodeId(nodeId)
                    .leaseDuration(LEASE).pollInterval(Duration.ofMillis(10))
                    .storeTimeout(Duration.ofMillis(1500)).shutdownWait(Duration.ofMillis(300))
                    .listener(run.listener).transport(transport)
                    .register(run.definition(this))
                    .build();
        }

        boolean dead() {
            return store.isSevered();
        }

        void requireAlive() {
            if (dead()) {
                throw new IllegalStateException("injected: node " + nodeId + " was killed during this call");
            }
        }

        /**
         * Cuts the node off for good, then stops its threads in the background (its close cannot
         * commit anything, and its commit thread gives up only after its 30 s join): a killed process
         * does nothing more, and the test should not pay for a zombie's polling.
         */
        void kill() {
            faults.unreachable(true);
            store.sever();
            transport.sever();
            Thread.ofVirtual().name("close-killed-" + nodeId).start(engine::close);
        }
    }

    /** The fake payment service: an inbox by message id, one lock and one ledger row per idempotency key. */
    static final class Payments {
        final Run run;
        final Set<String> inbox = ConcurrentHashMap.newKeySet();
        final Map<String, Object> rows = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        final AtomicLong duplicatesDropped = new AtomicLong();

        Payments(Run run) {
            this.run = run;
        }

        void handle(Message command) throws Exception {
            if (!inbox.add(command.id())) {
                duplicatesDropped.incrementAndGet();
                return;
            }
            String key = command.header(MessageHeaders.IDEMPOTENCY_KEY).orElseThrow();
            String orderId = command.correlationId();
            boolean refund = command.type().equals("Refund");
            int n = received.computeIfAbsent(key + command.type(), k -> new AtomicInteger()).incrementAndGet();
            if (!refund && command.payload().contains("\"slowPayment\":true")) {
                // Slower than the reply timeout: the engine gives up on it, and its refund may overtake it.
                Thread.sleep(CHARGE_TIMEOUT.toMillis() + 10 + new SplittableRandom(run.plan.seed() + n).nextInt(150));
            }
            Reply reply;
            // Rule 4 of docs/participants.md: a command and its compensation are ordered by the key's row.
            synchronized (rows.computeIfAbsent(key, k -> new Object())) {
                try (AutoCloseable call = run.calls.begin(refund ? key + UNDO : key)) {
                    if (refund) {
                        if (run.plan.roll(orderId, n, "refund", run.plan.refundFailure())) {
                            reply = Reply.retryableFailure("injected: refunds are busy");
                        } else {
                            run.ledger.undo(key, true);
                            reply = Reply.success(null);
                        }
                    } else if (command.payload().contains("\"declined\":true")) {
                        reply = Reply.failure("card declined");
                    } else if (run.plan.roll(orderId, n, "charge", run.plan.chargeFailure())) {
                        reply = Reply.retryableFailure("injected: the payment gateway is busy");
                    } else if (run.ledger.applyUnlessCompensated(key)) {
                        reply = Reply.success(null);
                    } else {
                        reply = Reply.failure("not applied: compensated before it arrived");
                    }
                }
            }
            run.transport.send(List.of(reply.toMessage(command)));
        }
    }

    /** One seed's run: the shared store and transport, the nodes, the participant, the driver. */
    static final class Run {
        final Plan plan;
        final InMemorySagaStore memory = new InMemorySagaStore();
        final InMemoryTransport broker = new InMemoryTransport(64);
        final DuplicatingTransport transport;
        final CallRecorder calls = new CallRecorder();
        final EffectLedger ledger = new EffectLedger();
        final Payments payments = new Payments(this);
        final Transport.Subscription paymentsSubscription;
        final Node[] live = new Node[NODES];
        final List<Node> all = new CopyOnWriteArrayList<>();
        final Random listenerRandom;
        final AtomicLong listenerThrows = new AtomicLong();
        final AtomicLong stubbornCalls = new AtomicLong();
        final SagaListener listener;

        final Map<String, String> startedIds = new ConcurrentHashMap<>();
        final Set<String> startsUnknown = ConcurrentHashMap.newKeySet();
        final Map<String, String> refusedStarts = new ConcurrentHashMap<>();
        final List<String> startedOrder = new CopyOnWriteArrayList<>();
        final Set<String> cancelAccepted = ConcurrentHashMap.newKeySet();
        final Set<String> cancelAttempted = ConcurrentHashMap.newKeySet();
        final Set<String> cancelRefusedPastPivot = ConcurrentHashMap.newKeySet();
        final AtomicLong cancelsRefusedEnded = new AtomicLong();
        final AtomicLong cancelsUnknown = new AtomicLong();
        final List<String> driverErrors = new CopyOnWriteArrayList<>();
        int kills;
        long closeMillis;
        List<String> strandedAtEnd = List.of();

        Run(Plan plan) {
            this.plan = plan;
            this.transport = new DuplicatingTransport(broker, 30, plan.seed());
            this.listenerRandom = new Random(plan.seed() ^ 0x5DEECE66DL);
            this.listener = new SagaListener() {
                @Override
                public void onAttemptRecorded(SagaId id, String sagaName, String step, boolean compensation,
                                              boolean succeeded, long latencyNanos) {
                    maybeThrow("attempt of " + step);
                }

                @Override
                public void onSagaEnded(SagaId id, String sagaName, SagaState state) {
                    maybeThrow("end " + state);
                }
            };
            transport.declare(PAYMENTS, "payments");
            this.paymentsSubscription = transport.subscribe(PAYMENTS, "payments", payments::handle);
            for (int i = 0; i < NODES; i++) {
                live[i] = node("node-" + i, i);
            }
        }

        private void maybeThrow(String what) {
            boolean bug;
            synchronized (listenerRandom) {
                bug = listenerRandom.nextDouble() < plan.listenerThrow();
            }
            if (bug) {
                listenerThrows.incrementAndGet();
                throw new IllegalStateException("injected: listener bug on " + what);
            }
        }

        Node node(String nodeId, int slot) {
            Node node = new Node(this, nodeId, slot);
            all.add(node);
            return node;
        }

        SagaDefinition<Order> definition(Node node) {
            Duration ms5 = Duration.ofMillis(5);
            return Saga.define(SAGA, Order.class)
                    .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(ms5)
                            .maxDelay(Duration.ofMillis(40)).build())
                    .step(RESERVE).invoke((o, c) -> reserve(node, o, c)).compensateWith((o, c) -> unreserve(node, o, c))
                    .timeout(Duration.ofMillis(80))
                    .retry(RetryPolicy.builder().maxAttempts(4).initialDelay(ms5).maxDelay(Duration.ofMillis(20)).build())
                    .step(CHARGE).sendCommand(PAYMENTS, "Charge", o -> o).compensateWithCommand(PAYMENTS, "Refund", o -> o)
                    .timeout(CHARGE_TIMEOUT)
                    .retry(RetryPolicy.builder().maxAttempts(3).initialDelay(ms5).maxDelay(Duration.ofMillis(20)).build())
                    .pivot(SHIP).invoke((o, c) -> ship(node, o, c)).retry(RetryPolicy.none())
                    .retriable(NOTIFY).invoke((o, c) -> notify(node, o, c))
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(ms5)
                            .maxDelay(Duration.ofMillis(20)).build())
                    .build();
        }

        Order reserve(Node node, Order o, StepContext c) throws Exception {
            String key = c.idempotencyKey();
            try (AutoCloseable call = calls.begin(key)) {
                node.requireAlive();
                if (o.stubborn() && c.attempt() == 1) {
                    stubbornCalls.incrementAndGet();
                    stubbornly(node, plan.stubbornMillis());
                }
                node.requireAlive();
                if (plan.roll(o.id(), c.attempt(), RESERVE, plan.reserveFailure())) {
                    throw new IllegalStateException("injected: the stock service is busy");
                }
                synchronized (ledger) {
                    node.requireAlive();
                    ledger.apply(key);
                }
            }
            return o.unstorable() ? o.marked(UNSTORABLE) : o;
        }

        void unreserve(Node node, Order o, StepContext c) throws Exception {
            String key = c.idempotencyKey();
            try (AutoCloseable call = calls.begin(key + UNDO)) {
                node.requireAlive();
                if (plan.roll(o.id(), c.attempt(), "unreserve", plan.undoFailure())) {
                    throw new IllegalStateException("injected: the stock service is busy (release)");
                }
                synchronized (ledger) {
                    node.requireAlive();
                    ledger.undo(key, false);
                }
            }
        }

        Order ship(Node node, Order o, StepContext c) throws Exception {
            try (AutoCloseable call = calls.begin(c.idempotencyKey())) {
                node.requireAlive();
                if (o.failShip()) {
                    throw new NonRetryableStepException("injected: no courier for " + o.id());
                }
                Thread.sleep(new SplittableRandom(plan.seed() + o.id().hashCode()).nextInt(15));
                synchronized (ledger) {
                    node.requireAlive();
                    ledger.apply(c.idempotencyKey());
                }
            }
            return o;
        }

        Order notify(Node node, Order o, StepContext c) throws Exception {
            try (AutoCloseable call = calls.begin(c.idempotencyKey())) {
                node.requireAlive();
                if (plan.roll(o.id(), c.attempt(), NOTIFY, plan.notifyFailure())) {
                    throw new IllegalStateException("injected: the mail server is busy");
                }
                synchronized (ledger) {
                    node.requireAlive();
                    ledger.apply(c.idempotencyKey());
                }
            }
            return o;
        }

        /** Busy for {@code millis} whatever interrupts come, as a call blocked in a driver is; a killed node's call stops. */
        static void stubbornly(Node node, long millis) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            boolean interrupted = false;
            while (System.nanoTime() < until && !node.dead()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void execute() throws Exception {
            record Event(long at, int order, Object what) {
            }
            List<Event> events = new ArrayList<>();
            plan.starts().forEach(s -> events.add(new Event(s.at(), 0, s)));
            plan.cancels().forEach(c -> events.add(new Event(c.at(), 1, c)));
            plan.kills().forEach(k -> events.add(new Event(k.at(), 2, k)));
            events.sort(Comparator.comparingLong(Event::at).thenComparingInt(Event::order));
            List<Future<?>> tasks = new ArrayList<>();
            long t0 = System.nanoTime();
            try (ExecutorService async = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Event e : events) {
                    long wait = e.at() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    switch (e.what()) {
                        case Plan.Start s -> {
                            Node node = live[s.node()];
                            tasks.add(async.submit(() -> start(node, s)));
                        }
                        case Plan.Cancel c -> {
                            if (!startedOrder.isEmpty()) {
                                Node node = live[c.node()];
                                // One of the last few started: a saga under way more often than not.
                                int size = startedOrder.size();
                                String key = startedOrder.get(size - 1 - c.pick() % Math.min(size, 8));
                                tasks.add(async.submit(() -> cancel(node, key)));
                            }
                        }
                        case Plan.Kill k -> {
                            Node victim = live[k.node()];
                            victim.kill();
                            kills++;
                            live[k.node()] = node(victim.nodeId, NODES + Math.min(kills - 1, 1));
                        }
                        default -> throw new IllegalStateException(e.toString());
                    }
                }
                for (Future<?> task : tasks) {
                    task.get(20, TimeUnit.SECONDS);
                }
            }
            for (String key : startsUnknown) {
                memory.findByIdempotencyKey(SAGA, key).ifPresent(r -> startedIds.putIfAbsent(key, r.id()));
            }
            long until = System.nanoTime() + TERMINAL_WAIT.toNanos();
            while (System.nanoTime() < until) {
                if (stranded().isEmpty()) {
                    return;
                }
                Thread.sleep(20);
            }
            strandedAtEnd = stranded();
        }

        private List<String> stranded() {
            List<String> left = new ArrayList<>();
            startedIds.forEach((key, id) -> memory.find(id)
                    .filter(r -> !r.state().isTerminal())
                    .ifPresent(r -> left.add(key)));
            return left;
        }

        private void start(Node node, Plan.Start s) {
            try {
                SagaId id = node.engine.start(SAGA, s.order(), s.key(), s.correlationId());
                if (s.refused()) {
                    refusedStarts.put(s.key(), "start returned " + id + " although the store refuses its correlation id");
                } else {
                    startedIds.put(s.key(), id.value());
                    startedOrder.add(s.key());
                }
            } catch (WriteRefusedException refused) {
                if (!s.refused()) {
                    driverErrors.add("start of " + s.key() + " was refused: " + refused);
                } else {
                    refusedStarts.putIfAbsent(s.key(), "refused");
                }
            } catch (SagaStoreException | IllegalStateException unsure) {
                // A lost commit reply, a timeout, or the node was killed (or closed) meanwhile: written or not.
                if (s.refused()) {
                    refusedStarts.putIfAbsent(s.key(), node.dead() ? "refused" : "threw " + unsure + ", not a WriteRefusedException");
                } else {
                    startsUnknown.add(s.key());
                }
            } catch (RuntimeException e) {
                driverErrors.add("start of " + s.key() + " on " + node.nodeId + " threw " + e);
            }
        }

        private void cancel(Node node, String key) {
            cancelAttempted.add(key);
            try {
                node.engine.cancel(SagaId.of(startedIds.get(key)));
                cancelAccepted.add(key);
            } catch (IllegalSagaStateException refused) {
                if (refused.getMessage().contains("point of no return")) {
                    cancelRefusedPastPivot.add(key);
                } else if (refused.getMessage().contains("already")
                        || refused.getMessage().contains("pivot '" + "ship" + "' is under way")) {
                    // Ended already, or its pivot may be taking effect right now: the saga goes on as if
                    // nobody had asked (a cancel accepted later, while compensating, still counts).
                    cancelsRefusedEnded.incrementAndGet();
                } else {
                    driverErrors.add("cancel of " + key + " refused for an unexpected reason: " + refused.getMessage());
                }
            } catch (SagaStoreException | IllegalStateException unsure) {
                cancelsUnknown.incrementAndGet();
            } catch (RuntimeException e) {
                driverErrors.add("cancel of " + key + " on " + node.nodeId + " threw " + e);
            }
        }

        /** What the checker needs, read from the shared store itself (not through any node). */
        Facts facts() {
            List<SagaFacts> sagas = new ArrayList<>();
            new TreeMap<>(startedIds).forEach((key, id) -> {
                SagaRecord r = memory.find(id).orElse(null);
                if (r == null) {
                    sagas.add(new SagaFacts(key, id, null, List.of()));
                } else {
                    sagas.add(new SagaFacts(key, id, r.state(), memory.history(id)));
                }
            });
            Map<String, String> refused = new TreeMap<>(refusedStarts);
            for (Plan.Start s : plan.starts()) {
                if (s.refused()) {
                    refused.putIfAbsent(s.key(), "no outcome");
                    if (memory.findByIdempotencyKey(SAGA, s.key()).isPresent()) {
                        refused.put(s.key(), "stored although the store refuses its correlation id");
                    }
                }
            }
            return new Facts(sagas, refused, calls, ledger, Set.copyOf(cancelAccepted), Set.copyOf(cancelAttempted),
                    Set.copyOf(cancelRefusedPastPivot), List.copyOf(driverErrors));
        }

        /** Closes every live node (the killed ones are closing already), the participant and the transport; returns what did not close in time. */
        List<String> close() {
            long began = System.nanoTime();
            List<String> problems = new ArrayList<>();
            Map<Node, Thread> closing = new LinkedHashMap<>();
            for (Node node : all) {
                if (!node.dead()) {
                    closing.put(node, Thread.ofVirtual().start(node.engine::close));
                }
            }
            closing.forEach((node, thread) -> {
                try {
                    if (!thread.join(Duration.ofSeconds(40))) {
                        problems.add("node " + node.nodeId + " did not close within 40 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            paymentsSubscription.close();
            transport.close();
            closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            if (!strandedAtEnd.isEmpty()) {
                problems.add(strandedAtEnd.size() + " saga(s) not terminal after " + TERMINAL_WAIT.toSeconds() + " s: "
                        + describe(strandedAtEnd));
            }
            return problems;
        }

        private String describe(List<String> keys) {
            StringBuilder out = new StringBuilder();
            for (String key : keys.subList(0, Math.min(keys.size(), 10))) {
                SagaRecord r = memory.find(startedIds.get(key)).orElseThrow();
                List<HistoryEvent> history = memory.history(r.id());
                out.append("\n    ").append(key).append(' ').append(r.id()).append(": ").append(r.state())
                        .append(" step ").append(r.stepIndex()).append(" attempt ").append(r.attemptsMade())
                        .append(" owner ").append(r.owner()).append(" awaiting ").append(r.await())
                        .append(" wakeAt ").append(r.wakeAt() == null ? null : Instant.ofEpochMilli(r.wakeAt()))
                        .append(", last events ").append(history.subList(Math.max(0, history.size() - 6), history.size()));
            }
            return out.toString();
        }

        long sum(java.util.function.ToLongFunction<Node> f) {
            return all.stream().mapToLong(f).sum();
        }

        String summary(Facts facts, long millis, boolean ok) {
            Map<SagaState, Long> ends = new TreeMap<>();
            facts.started().forEach(s -> ends.merge(s.state() == null ? SagaState.STARTED : s.state(), 1L, Long::sum));
            long overtaken = ledger.snapshot().values().stream().mapToLong(e -> e.overtaken).sum();
            return String.format("seed %d: %d of %d planned sagas started (%d with an unknown outcome) %s, %d refused starts; injected: %d duplicates sent, %d refused writes, "
                            + "%d lost commit replies (%d of claims), %d connections lost before commit, %d kills, "
                            + "%d cancels (%d accepted, %d refused past the pivot), %d listener throws, "
                            + "%d calls outliving their timeout; %d duplicate replies ignored, %d late commands tombstoned; %d ms (closing %d ms); %s",
                    plan.seed(), facts.started().size(), plan.starts().size(), startsUnknown.size(), ends, facts.refusedStarts().size(), transport.duplicatesSent.get(),
                    sum(n -> n.faults.refusedBatches.get()),
                    sum(n -> n.faults.failedAfterCommit.get() + n.faults.claimsLostAfterCommit.get()),
                    sum(n -> n.faults.claimsLostAfterCommit.get()), sum(n -> n.faults.failedBeforeCommit.get()), kills,
                    cancelAttempted.size(), cancelAccepted.size(), cancelRefusedPastPivot.size(), listenerThrows.get(),
                    stubbornCalls.get(), sum(n -> n.engine.repliesIgnored()), overtaken, millis, closeMillis, ok ? "OK" : "FAILED");
        }
    }

    /** All seeds' figures, for the summary at the end. */
    static final class Totals {
        final AtomicLong seeds = new AtomicLong();
        final List<Long> failed = new CopyOnWriteArrayList<>();
        final AtomicLong millis = new AtomicLong();
        final AtomicLong sagas = new AtomicLong();
        final Map<SagaState, AtomicLong> ends = new ConcurrentHashMap<>();
        final AtomicLong refusedStarts = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong refusedWrites = new AtomicLong();
        final AtomicLong lostCommitReplies = new AtomicLong();
        final AtomicLong lostBeforeCommit = new AtomicLong();
        final AtomicLong kills = new AtomicLong();
        final AtomicLong cancels = new AtomicLong();
        final AtomicLong cancelsAccepted = new AtomicLong();
        final AtomicLong listenerThrows = new AtomicLong();
        final AtomicLong stubbornCalls = new AtomicLong();
        final AtomicLong repliesIgnored = new AtomicLong();
        final AtomicLong lateCommands = new AtomicLong();

        void add(Run run, Facts facts, long ms, Long failedSeed) {
            seeds.incrementAndGet();
            if (failedSeed != null) {
                failed.add(failedSeed);
            }
            millis.addAndGet(ms);
            sagas.addAndGet(facts.started().size());
            facts.started().forEach(s -> ends.computeIfAbsent(s.state() == null ? SagaState.STARTED : s.state(),
                    k -> new AtomicLong()).incrementAndGet());
            refusedStarts.addAndGet(facts.refusedStarts().size());
            duplicates.addAndGet(run.transport.duplicatesSent.get());
            refusedWrites.addAndGet(run.sum(n -> n.faults.refusedBatches.get()));
            lostCommitReplies.addAndGet(run.sum(n -> n.faults.failedAfterCommit.get() + n.faults.claimsLostAfterCommit.get()));
            lostBeforeCommit.addAndGet(run.sum(n -> n.faults.failedBeforeCommit.get()));
            kills.addAndGet(run.kills);
            cancels.addAndGet(run.cancelAttempted.size());
            cancelsAccepted.addAndGet(run.cancelAccepted.size());
            listenerThrows.addAndGet(run.listenerThrows.get());
            stubbornCalls.addAndGet(run.stubbornCalls.get());
            repliesIgnored.addAndGet(run.sum(n -> n.engine.repliesIgnored()));
            lateCommands.addAndGet(run.ledger.snapshot().values().stream().mapToLong(e -> e.overtaken).sum());
        }

        String describe() {
            return String.format("RandomizedFaultTest totals: %d seeds, %d failed %s, %.1f s of runs; %d sagas %s, "
                            + "%d refused starts; injected: %d duplicates sent, %d refused writes, %d lost commit replies, "
                            + "%d connections lost before commit, %d kills, %d cancels (%d accepted), %d listener throws, "
                            + "%d calls outliving their timeout; %d duplicate replies ignored, %d late commands tombstoned",
                    seeds.get(), failed.size(), failed, millis.get() / 1000.0, sagas.get(), new TreeMap<>(ends),
                    refusedStarts.get(), duplicates.get(), refusedWrites.get(), lostCommitReplies.get(),
                    lostBeforeCommit.get(), kills.get(), cancels.get(), cancelsAccepted.get(), listenerThrows.get(),
                    stubbornCalls.get(), repliesIgnored.get(), lateCommands.get());
        }
    }

    // ---------------------------------------------------------------- the checker

    /** A started saga as the store holds it at the end ({@code state} null: not in the store). */
    record SagaFacts(String key, String id, SagaState state, List<HistoryEvent> history) {
    }

    /**
     * What a run left: the started sagas, the starts that the store refuses (key to what happened),
     * the participants' calls and ledger, and the operator's cancels.
     */
    record Facts(List<SagaFacts> started, Map<String, String> refusedStarts, CallRecorder calls, EffectLedger ledger,
                 Set<String> cancelAccepted, Set<String> cancelAttempted, Set<String> cancelRefusedPastPivot,
                 List<String> driverErrors) {
    }

    /** The invariants, checked by this test's own code on what the store, participants and ledger hold. */
    static final class Checker {
        private Checker() {
        }

        static List<String> check(Facts f) {
            List<String> v = new ArrayList<>(f.driverErrors());
            f.refusedStarts().forEach((key, outcome) -> {
                if (!outcome.equals("refused")) {
                    v.add("refused start " + key + ": " + outcome);
                }
            });
            for (String key : f.calls().overlaps) {
                v.add("two calls of " + key + " ran at the same time");
            }
            List<String> timeline = List.copyOf(f.calls().timeline);
            Map<String, Integer> lastEnd = new HashMap<>();
            Map<String, Integer> firstBegin = new HashMap<>();
            for (int i = 0; i < timeline.size(); i++) {
                String event = timeline.get(i);
                if (event.startsWith("end ")) {
                    lastEnd.put(event.substring(4), i);
                } else if (event.startsWith("begin ")) {
                    firstBegin.putIfAbsent(event.substring(6), i);
                }
            }
            for (SagaFacts s : f.started()) {
                if (s.state() == null) {
                    v.add("saga " + s.key() + " (" + s.id() + "): its start returned, but it is not in the store");
                    continue;
                }
                if (!s.state().isTerminal()) {
                    v.add("saga " + s.key() + " (" + s.id() + ") is " + s.state() + ", not terminal");
                    continue;
                }
                checkHistory(s, v);
                checkLedger(s, f.ledger(), v);
                String reserve = s.id() + "/" + RESERVE;
                Integer undoBegan = firstBegin.get(reserve + UNDO);
                Integer callEnded = lastEnd.get(reserve);
                if (undoBegan != null && callEnded != null && undoBegan < callEnded) {
                    v.add("saga " + s.key() + ": the compensation of " + RESERVE + " began before its call ended: "
                            + timeline.stream().filter(e -> e.endsWith(" " + reserve) || e.endsWith(" " + reserve + UNDO)).toList());
                }
                if (f.cancelAccepted().contains(s.key()) && s.state() != SagaState.CANCELLED) {
                    v.add("saga " + s.key() + ": a cancel was accepted, yet it ended " + s.state());
                }
                if (s.state() == SagaState.CANCELLED && !f.cancelAttempted().contains(s.key())) {
                    v.add("saga " + s.key() + " ended CANCELLED, yet no operator cancelled it");
                }
                if (f.cancelRefusedPastPivot().contains(s.key()) && s.state() == SagaState.CANCELLED) {
                    v.add("saga " + s.key() + ": a cancel was refused past the pivot, yet it ended CANCELLED");
                }
            }
            return v;
        }

        private static void checkHistory(SagaFacts s, List<String> v) {
            Map<String, Integer> succeeded = new TreeMap<>();
            Map<String, Integer> compensated = new TreeMap<>();
            for (HistoryEvent e : s.history()) {
                if (e.type() == HistoryEventType.STEP_SUCCEEDED) {
                    succeeded.merge(e.step(), 1, Integer::sum);
                } else if (e.type() == HistoryEventType.COMPENSATION_SUCCEEDED) {
                    compensated.merge(e.step(), 1, Integer::sum);
                }
            }
            succeeded.forEach((step, n) -> {
                if (n > 1) {
                    v.add("saga " + s.key() + ": step " + step + " recorded succeeded " + n + " times");
                }
            });
            compensated.forEach((step, n) -> {
                if (n > 1) {
                    v.add("saga " + s.key() + ": step " + step + " recorded compensated " + n + " times");
                }
            });
        }

        private static void checkLedger(SagaFacts s, EffectLedger ledger, List<String> v) {
            for (String step : List.of(RESERVE, CHARGE, SHIP, NOTIFY)) {
                EffectLedger.Entry e = ledger.get(s.id() + "/" + step);
                if (e.applied > 1) {
                    v.add("saga " + s.key() + ": the effect of " + step + " was applied " + e.applied
                            + " times (it landed again after its undo)");
                }
                if (e.undone > 1) {
                    v.add("saga " + s.key() + ": the effect of " + step + " was undone " + e.undone + " times");
                }
                boolean compensatable = step.equals(RESERVE) || step.equals(CHARGE);
                if (s.state() == SagaState.COMPLETED && !e.present) {
                    v.add("saga " + s.key() + " COMPLETED, but the effect of " + step + " is not there: " + e);
                }
                if (s.state() != SagaState.COMPLETED && compensatable && e.present) {
                    v.add("saga " + s.key() + " ended " + s.state() + " with the effect of " + step + " left: " + e);
                }
                if (s.state() != SagaState.COMPLETED && !compensatable && e.applied > 0) {
                    v.add("saga " + s.key() + " ended " + s.state() + ", yet " + step
                            + " (which no compensation undoes) took effect: " + e);
                }
            }
        }
    }

    /**
     * The checker is only worth its verdicts if it can say no: a clean run passes it, and each kind of
     * fault, planted alone in an otherwise clean run, is reported.
     */
    @Test
    void theCheckerReportsEachPlantedFault() {
        assertThat(Checker.check(cleanRun())).as("a clean run").isEmpty();

        Facts doubleEffect = cleanRun();
        doubleEffect.ledger().plant("done-id/" + RESERVE, 2, 1, true);
        assertThat(Checker.check(doubleEffect)).singleElement().asString()
                .contains("done").contains("effect of reserve was applied 2 times");

        Facts leftOnFailed = cleanRun();
        leftOnFailed.ledger().plant("failed-id/" + CHARGE, 1, 0, true);
        assertThat(Checker.check(leftOnFailed)).singleElement().asString()
                .contains("failed ended FAILED with the effect of charge left");

        Facts undoneTwice = cleanRun();
        undoneTwice.ledger().plant("failed-id/" + RESERVE, 1, 2, false);
        assertThat(Checker.check(undoneTwice)).singleElement().asString().contains("undone 2 times");

        Facts overlap = cleanRun();
        overlap.calls().overlaps.add("done-id/" + RESERVE);
        assertThat(Checker.check(overlap)).singleElement().asString()
                .contains("two calls of done-id/reserve ran at the same time");

        Facts overtaken = cleanRun();
        overtaken.calls().timeline.clear();
        overtaken.calls().timeline.addAll(List.of("begin failed-id/reserve", "begin failed-id/reserve" + UNDO,
                "end failed-id/reserve" + UNDO, "end failed-id/reserve"));
        assertThat(Checker.check(overtaken)).singleElement().asString()
                .contains("compensation of reserve began before its call ended");

        Facts retryAfterUndo = cleanRun();
        retryAfterUndo.calls().timeline.addAll(List.of("begin failed-id/reserve", "end failed-id/reserve"));
        assertThat(Checker.check(retryAfterUndo)).singleElement().asString()
                .contains("compensation of reserve began before its call ended");

        Facts missingOnCompleted = cleanRun();
        missingOnCompleted.ledger().plant("done-id/" + NOTIFY, 0, 0, false);
        assertThat(Checker.check(missingOnCompleted)).singleElement().asString()
                .contains("COMPLETED, but the effect of notify is not there");

        Facts pivotOnFailed = cleanRun();
        pivotOnFailed.ledger().apply("failed-id/" + SHIP);
        assertThat(Checker.check(pivotOnFailed)).singleElement().asString().contains("yet ship");

        Facts notTerminal = withSaga(cleanRun(), new SagaFacts("stuck", "stuck-id", SagaState.COMPENSATING, List.of()));
        assertThat(Checker.check(notTerminal)).singleElement().asString().contains("stuck").contains("not terminal");

        Facts twiceRecorded = withSaga(cleanRun(), new SagaFacts("twice", "twice-id", SagaState.FAILED, List.of(
                event(1, HistoryEventType.COMPENSATION_SUCCEEDED, RESERVE),
                event(2, HistoryEventType.COMPENSATION_SUCCEEDED, RESERVE))));
        assertThat(Checker.check(twiceRecorded)).singleElement().asString().contains("recorded compensated 2 times");

        Facts refusedStored = cleanRun();
        refusedStored.refusedStarts().put("bad", "stored although the store refuses its correlation id");
        assertThat(Checker.check(refusedStored)).singleElement().asString().contains("refused start bad");

        Facts cancelIgnored = cleanRun();
        cancelIgnored.cancelAccepted().add("done");
        assertThat(Checker.check(cancelIgnored)).singleElement().asString()
                .contains("a cancel was accepted, yet it ended COMPLETED");

        Facts cancelledPastPivot = withSaga(cleanRun(), new SagaFacts("late", "late-id", SagaState.CANCELLED, List.of()));
        cancelledPastPivot.cancelAttempted().add("late");
        cancelledPastPivot.cancelRefusedPastPivot().add("late");
        assertThat(Checker.check(cancelledPastPivot)).singleElement().asString()
                .contains("refused past the pivot, yet it ended CANCELLED");

        Facts cancelledByNobody = withSaga(cleanRun(), new SagaFacts("nobody", "nobody-id", SagaState.CANCELLED, List.of()));
        assertThat(Checker.check(cancelledByNobody)).singleElement().asString()
                .contains("ended CANCELLED, yet no operator cancelled it");
    }

    /** One saga COMPLETED with every effect once, one FAILED with both compensatable effects undone. */
    private static Facts cleanRun() {
        EffectLedger ledger = new EffectLedger();
        CallRecorder calls = new CallRecorder();
        for (String step : List.of(RESERVE, CHARGE, SHIP, NOTIFY)) {
            ledger.apply("done-id/" + step);
        }
        ledger.apply("failed-id/" + RESERVE);
        ledger.apply("failed-id/" + CHARGE);
        ledger.undo("failed-id/" + CHARGE, true);
        ledger.undo("failed-id/" + RESERVE, false);
        calls.timeline.addAll(List.of("begin done-id/reserve", "end done-id/reserve", "begin failed-id/reserve",
                "end failed-id/reserve", "begin failed-id/reserve" + UNDO, "end failed-id/reserve" + UNDO));
        List<SagaFacts> sagas = new ArrayList<>(List.of(
                new SagaFacts("done", "done-id", SagaState.COMPLETED, List.of(
                        event(1, HistoryEventType.STEP_SUCCEEDED, RESERVE), event(2, HistoryEventType.STEP_SUCCEEDED, CHARGE))),
                new SagaFacts("failed", "failed-id", SagaState.FAILED, List.of(
                        event(1, HistoryEventType.COMPENSATION_SUCCEEDED, CHARGE),
                        event(2, HistoryEventType.COMPENSATION_SUCCEEDED, RESERVE)))));
        return new Facts(sagas, new TreeMap<>(Map.of("bad", "refused")), calls, ledger,
                ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), List.of());
    }

    private static Facts withSaga(Facts f, SagaFacts extra) {
        List<SagaFacts> sagas = new ArrayList<>(f.started());
        sagas.add(extra);
        return new Facts(sagas, f.refusedStarts(), f.calls(), f.ledger(), f.cancelAccepted(), f.cancelAttempted(),
                f.cancelRefusedPastPivot(), f.driverErrors());
    }

    private static HistoryEvent event(int seq, HistoryEventType type, String step) {
        return new HistoryEvent(seq, Instant.EPOCH, type, step, 1, Duration.ZERO, null);
    }
}
