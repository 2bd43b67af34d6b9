package dev.sagaflow.examples.orders;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.choreography.SagaTracker;
import dev.sagaflow.examples.EngineHook;
import dev.sagaflow.examples.orders.remote.OrderChoreography;
import dev.sagaflow.examples.orders.remote.OrderMessages;
import dev.sagaflow.examples.orders.remote.OrderServices;
import dev.sagaflow.examples.orders.remote.RemoteOrderFulfilmentSaga;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.spi.SagaStore;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs orders {@code order-1..order-N} through the order-fulfilment saga on the SQLite store in
 * DIR, waits for all of them to end, then audits the four ledgers. Run again on the same DIR, it
 * resumes: each order is started with its id as idempotency key, so none starts twice, and the
 * engine picks up every instance that had not ended.
 */
public final class OrderFulfilmentDemo {
    /** Share of participant calls that fail transiently (before applying, or after committing). */
    public static final double TRANSIENT_FAULT_RATE = 0.02;
    private static final int STARTS_IN_FLIGHT = 2_000;

    private OrderFulfilmentDemo() {
    }

    public static DemoReport run(DemoOptions options, PrintStream progress) throws Exception {
        return run(options, progress, EngineHook.NONE);
    }

    /** As {@link #run(DemoOptions, PrintStream)}, with {@code hook} applied to the demo's engine. */
    public static DemoReport run(DemoOptions options, PrintStream progress, EngineHook hook) throws Exception {
        return run(options, Faults.transientAt(TRANSIENT_FAULT_RATE), progress, hook);
    }

    static DemoReport run(DemoOptions options, Faults faults, PrintStream progress) throws Exception {
        return run(options, faults, progress, EngineHook.NONE);
    }

    static DemoReport run(DemoOptions options, Faults faults, PrintStream progress, EngineHook hook) throws Exception {
        OrderBook book = new OrderBook(options.failureRate());
        planStalls(options, book, progress);
        try (Participants participants = Participants.open(options.dir(), faults, Duration.ofMillis(options.stepDelayMs()))) {
            Map<String, SagaState> states;
            Map<String, OperatorHandling> handled;
            String sagaName = options.parallel() ? ParallelOrderFulfilmentSaga.NAME : OrderFulfilmentSaga.NAME;
            try (SagaStore store = SagaStores.open(options.storeOrDefault());
                 SagaEngine engine = options.parallel() ? hook.build(SagaEngine.builder(store)
                         .register(ParallelOrderFulfilmentSaga.definition(participants)))
                         : engine(store, participants, options.verifyOnly(), options.stallCompensations() > 0, hook)) {
                Progress meter = new Progress(engine, sagaName, options.orders(), progress);
                if (options.parallel()) {
                    startAll(engine, sagaName, book::linedOrder, options.orders(), meter);
                } else if (!options.verifyOnly()) {
                    startAll(engine, sagaName, book, options.orders(), meter);
                }
                boolean ended = meter.awaitAllEnded(options.timeout());
                if (!ended) {
                    progress.printf("timed out after %s with orders still running%n", options.timeout());
                }
                states = statesByOrder(engine, sagaName, SagaInstance::idempotencyKey);
                handled = operatorHandling(engine);
            }
            if (options.parallel()) {
                progress.println("checking every order and each of its lines across the four ledgers");
                return report(LedgerAudit.forLines(participants, book).audit(options.orders(), states), progress);
            }
            return audit(options, participants, states, handled, progress);
        }
    }

    /** With --stall-compensations: which orders' refunds the gateway refuses until the operator's fix. */
    private static void planStalls(DemoOptions options, OrderBook book, PrintStream progress) {
        if (options.stallCompensations() > 0 && !options.verifyOnly()) {
            List<String> stalled = StalledRefunds.plan(options.dir(), book, options.orders(), options.stallCompensations());
            progress.printf("the refunds of %s fail until %s exists; their sagas will stall for an operator%n", stalled,
                    options.dir().resolve(StalledRefunds.FIX_FILE));
        }
    }

    /**
     * What operators did to each order's saga (a skipped compensation, a resolve), read from the
     * histories of the sagas an operator may have touched: ended, and not as a plain run ends them.
     */
    private static Map<String, OperatorHandling> operatorHandling(SagaEngine engine) {
        Map<String, OperatorHandling> handled = new HashMap<>();
        SagaQuery page = SagaQuery.all().withSagaName(OrderFulfilmentSaga.NAME)
                .withStates(SagaState.FAILED, SagaState.COMPLETED, SagaState.CANCELLED).page(0, 1000);
        while (true) {
            List<SagaInstance> instances = engine.list(page);
            for (SagaInstance instance : instances) {
                if (instance.failure() != null || instance.state() == SagaState.COMPLETED) {
                    OperatorHandling h = OperatorHandling.of(engine.get(instance.id()).history());
                    if (h.any()) {
                        handled.put(instance.idempotencyKey(), h);
                    }
                }
            }
            if (instances.size() < page.limit()) {
                return handled;
            }
            page = page.next();
        }
    }

    /** Deadline of a choreographed order: past it, the tracker flags the order STALLED and publishes OrderTimedOut. */
    public static final Duration CHOREOGRAPHY_DEADLINE = Duration.ofMinutes(2);

    /**
     * Runs the orders through the four services running as processes of their own (started by the
     * caller, see {@link OrderServices}) that speak only through {@code transport}: orchestrated by
     * the saga of remote steps, or choreographed, each service reacting to the event before it, and
     * watched by the tracker. Then audits the four ledgers as {@link #run} does.
     */
    public static DemoReport runRemote(DemoOptions options, OrderServices.Mode mode, Transport transport,
                                       PrintStream progress) throws Exception {
        return runRemote(options, mode, transport, progress, EngineHook.NONE);
    }

    /** As {@link #runRemote(DemoOptions, OrderServices.Mode, Transport, PrintStream)}, with {@code hook} applied to its engine. */
    public static DemoReport runRemote(DemoOptions options, OrderServices.Mode mode, Transport transport,
                                       PrintStream progress, EngineHook hook) throws Exception {
        OrderBook book = new OrderBook(options.failureRate());
        Map<String, SagaState> states;
        try (SagaStore store = SagaStores.open(options.storeOrDefault())) {
            if (mode == OrderServices.Mode.ORCHESTRATION) {
                try (SagaEngine engine = hook.build(SagaEngine.builder(store).register(RemoteOrderFulfilmentSaga.definition())
                        .transport(transport))) {
                    Progress meter = new Progress(engine, RemoteOrderFulfilmentSaga.NAME, options.orders(), progress);
                    startAll(engine, RemoteOrderFulfilmentSaga.NAME, book, options.orders(), meter);
                    awaitAll(meter, options, progress);
                    states = statesByOrder(engine, RemoteOrderFulfilmentSaga.NAME, SagaInstance::idempotencyKey);
                }
            } else {
                try (SagaTracker tracker = SagaTracker.builder(store, transport)
                        .track(OrderChoreography.definition(CHOREOGRAPHY_DEADLINE)).build().start();
                     dev.sagaflow.participant.Participant orders = dev.sagaflow.participant.Participant
                             .builder("orders", options.dir().resolve("orders.db").toString(), transport).build().start();
                     SagaEngine reader = hook.build(SagaEngine.builder(store).clientOnly())) {
                    Progress meter = new Progress(reader, OrderChoreography.NAME, options.orders(), progress);
                    placeAll(orders, book, options.orders(), meter);
                    awaitAll(meter, options, progress);
                    states = statesByOrder(reader, OrderChoreography.NAME, SagaInstance::correlationId);
                    progress.printf("tracker: %d events applied, %d repeats absorbed, %d sagas flagged past their deadline%n",
                            tracker.eventsApplied(), tracker.duplicates(), tracker.flagged());
                }
            }
        }
        try (Participants participants = Participants.open(options.dir(), Faults.none(), Duration.ZERO)) {
            return audit(options, participants, states, progress);
        }
    }

    /**
     * The order service's side of the choreography: each order is taken (a row in its own database)
     * and its OrderPlaced event queued in one local transaction, once per order however often this runs.
     */
    private static void placeAll(dev.sagaflow.participant.Participant orders, OrderBook book, int count, Progress meter) {
        orders.execute(tx -> {
            try (java.sql.Statement ddl = tx.connection().createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS placed_order (order_id TEXT PRIMARY KEY, saga_id TEXT NOT NULL)");
            }
            return null;
        });
        for (int n = 1; n <= count; n++) {
            Order order = book.order(n);
            orders.execute(tx -> {
                try (var exists = tx.connection().prepareStatement("SELECT 1 FROM placed_order WHERE order_id = ?")) {
                    exists.setString(1, order.id());
                    if (exists.executeQuery().next()) {
                        return null;
                    }
                }
                String sagaId = tx.startSaga(OrderMessages.ORDER_EVENTS, "OrderPlaced", order.id(), order);
                try (var insert = tx.connection().prepareStatement("INSERT INTO placed_order VALUES (?, ?)")) {
                    insert.setString(1, order.id());
                    insert.setString(2, sagaId);
                    insert.executeUpdate();
                }
                return sagaId;
            });
            meter.maybePrint("placing " + n + "/" + count);
        }
    }

    private static void awaitAll(Progress meter, DemoOptions options, PrintStream progress) throws InterruptedException {
        if (!meter.awaitAllEnded(options.timeout())) {
            progress.printf("timed out after %s with orders still running%n", options.timeout());
        }
    }

    private static DemoReport audit(DemoOptions options, Participants participants, Map<String, SagaState> states,
                                    PrintStream progress) {
        return audit(options, participants, states, Map.of(), progress);
    }

    private static DemoReport audit(DemoOptions options, Participants participants, Map<String, SagaState> states,
                                    Map<String, OperatorHandling> handled, PrintStream progress) {
        progress.println("checking every order across the four ledgers");
        LedgerAudit.Result audit = new LedgerAudit(participants).audit(options.orders(), states,
                id -> handled.getOrDefault(id, OperatorHandling.NONE));
        return report(audit, progress);
    }

    private static DemoReport report(LedgerAudit.Result audit, PrintStream progress) {
        audit.excused().forEach(line -> progress.println("BY AN OPERATOR " + line));
        audit.problems().stream().limit(20).forEach(problem -> progress.println("INCONSISTENT " + problem));
        return audit.report();
    }

    /**
     * Starts the orders and runs none of them, for engine nodes elsewhere on the same store
     * ({@code bin/sagaflow node}). Returns how many orders the store holds afterwards.
     */
    public static long submit(DemoOptions options, PrintStream progress) throws Exception {
        return submit(options, progress, EngineHook.NONE);
    }

    /** As {@link #submit(DemoOptions, PrintStream)}, with {@code hook} applied to its client-only engine. */
    public static long submit(DemoOptions options, PrintStream progress, EngineHook hook) throws Exception {
        OrderBook book = new OrderBook(options.failureRate());
        planStalls(options, book, progress);
        try (Participants participants = Participants.open(options.dir(), Faults.none(), Duration.ZERO);
             SagaStore store = SagaStores.open(options.storeOrDefault());
             SagaEngine client = engine(store, participants, true, false, hook)) {
            Progress meter = new Progress(client, OrderFulfilmentSaga.NAME, options.orders(), progress);
            startAll(client, OrderFulfilmentSaga.NAME, book, options.orders(), meter);
            meter.print("submitted");
            return client.countByState(OrderFulfilmentSaga.NAME).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static SagaEngine engine(SagaStore store, Participants participants, boolean clientOnly, boolean operatorPaced,
                                     EngineHook hook) {
        SagaEngine.Builder builder = SagaEngine.builder(store).register(operatorPaced
                ? OrderFulfilmentSaga.operatorPaced(participants) : OrderFulfilmentSaga.definition(participants));
        return hook.build(clientOnly ? builder.clientOnly() : builder);
    }

    private static void startAll(SagaEngine engine, String sagaName, OrderBook book, int orders, Progress meter)
            throws Exception {
        startAll(engine, sagaName, book::order, orders, meter);
    }

    private static void startAll(SagaEngine engine, String sagaName, java.util.function.IntFunction<?> data, int orders,
                                 Progress meter) throws Exception {
        Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        for (int n = 1; n <= orders; n++) {
            if (inFlight.size() >= STARTS_IN_FLIGHT) {
                inFlight.removeFirst().get();
            }
            inFlight.addLast(engine.startAsync(sagaName, data.apply(n), OrderBook.id(n), null));
            meter.maybePrint("starting " + n + "/" + orders);
        }
        for (CompletableFuture<?> start : inFlight) {
            start.get();
        }
    }

    private static Map<String, SagaState> statesByOrder(SagaEngine engine, String sagaName,
                                                        Function<SagaInstance, String> orderId) {
        Map<String, SagaState> states = new HashMap<>();
        SagaQuery page = SagaQuery.all().withSagaName(sagaName).page(0, 1000);
        while (true) {
            List<SagaInstance> instances = engine.list(page);
            for (SagaInstance instance : instances) {
                states.put(orderId.apply(instance), instance.state());
            }
            if (instances.size() < page.limit()) {
                return states;
            }
            page = page.next();
        }
    }

    /** Prints where the orders stand, once a second. */
    private static final class Progress {
        private final SagaEngine engine;
        private final String sagaName;
        private final int orders;
        private final PrintStream out;
        private long lastPrint = System.nanoTime();
        private long lastEnded = -1;

        Progress(SagaEngine engine, String sagaName, int orders, PrintStream out) {
            this.engine = engine;
            this.sagaName = sagaName;
            this.orders = orders;
            this.out = out;
        }

        void maybePrint(String phase) {
            if (System.nanoTime() - lastPrint >= 1_000_000_000L) {
                print(phase);
            }
        }

        boolean awaitAllEnded(Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<SagaState, Long> counts = counts();
                if (ended(counts) >= orders) {
                    print("done");
                    return true;
                }
                if (System.nanoTime() > until) {
                    return false;
                }
                maybePrint("running");
                Thread.sleep(50);
            }
        }

        private Map<SagaState, Long> counts() {
            Map<SagaState, Long> counts = new EnumMap<>(SagaState.class);
            counts.putAll(engine.countByState(sagaName));
            return counts;
        }

        private static long ended(Map<SagaState, Long> counts) {
            return counts.entrySet().stream().filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
        }

        void print(String phase) {
            Map<SagaState, Long> counts = counts();
            long ended = ended(counts);
            long started = counts.values().stream().mapToLong(Long::longValue).sum();
            double seconds = (System.nanoTime() - lastPrint) / 1e9;
            String rate = lastEnded < 0 ? "" : String.format(", %.0f/s", (ended - lastEnded) / seconds);
            long stalled = counts.getOrDefault(SagaState.COMPENSATION_STALLED, 0L) + counts.getOrDefault(SagaState.STALLED, 0L);
            out.printf("%s: %d/%d orders started, %d completed, %d compensated, %d running, %d stalled%s%n", phase,
                    started, orders, counts.getOrDefault(SagaState.COMPLETED, 0L),
                    counts.getOrDefault(SagaState.FAILED, 0L) + counts.getOrDefault(SagaState.CANCELLED, 0L),
                    started - ended - stalled, stalled, rate);
            lastPrint = System.nanoTime();
            lastEnded = ended;
        }
    }
}
