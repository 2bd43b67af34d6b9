package dev.sagaflow.examples.orders;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SagaStores;
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
        return run(options, Faults.transientAt(TRANSIENT_FAULT_RATE), progress);
    }

    static DemoReport run(DemoOptions options, Faults faults, PrintStream progress) throws Exception {
        OrderBook book = new OrderBook(options.failureRate());
        try (Participants participants = Participants.open(options.dir(), faults, Duration.ofMillis(options.stepDelayMs()))) {
            Map<String, SagaState> states;
            try (SagaStore store = SagaStores.open(options.storeOrDefault());
                 SagaEngine engine = engine(store, participants, options.verifyOnly())) {
                Progress meter = new Progress(engine, options.orders(), progress);
                if (!options.verifyOnly()) {
                    startAll(engine, book, options.orders(), meter);
                }
                boolean ended = meter.awaitAllEnded(options.timeout());
                if (!ended) {
                    progress.printf("timed out after %s with orders still running%n", options.timeout());
                }
                states = statesByOrder(engine);
            }
            progress.println("checking every order across the four ledgers");
            LedgerAudit.Result audit = new LedgerAudit(participants).audit(options.orders(), states);
            audit.problems().stream().limit(20).forEach(problem -> progress.println("INCONSISTENT " + problem));
            return audit.report();
        }
    }

    /**
     * Starts the orders and runs none of them, for engine nodes elsewhere on the same store
     * ({@code bin/sagaflow node}). Returns how many orders the store holds afterwards.
     */
    public static long submit(DemoOptions options, PrintStream progress) throws Exception {
        OrderBook book = new OrderBook(options.failureRate());
        try (Participants participants = Participants.open(options.dir(), Faults.none(), Duration.ZERO);
             SagaStore store = SagaStores.open(options.storeOrDefault());
             SagaEngine client = engine(store, participants, true)) {
            Progress meter = new Progress(client, options.orders(), progress);
            startAll(client, book, options.orders(), meter);
            meter.print("submitted");
            return client.countByState(OrderFulfilmentSaga.NAME).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static SagaEngine engine(SagaStore store, Participants participants, boolean clientOnly) {
        SagaEngine.Builder builder = SagaEngine.builder(store).register(OrderFulfilmentSaga.definition(participants));
        return (clientOnly ? builder.clientOnly() : builder).build();
    }

    private static void startAll(SagaEngine engine, OrderBook book, int orders, Progress meter) throws Exception {
        Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        for (int n = 1; n <= orders; n++) {
            if (inFlight.size() >= STARTS_IN_FLIGHT) {
                inFlight.removeFirst().get();
            }
            inFlight.addLast(engine.startAsync(OrderFulfilmentSaga.NAME, book.order(n), OrderBook.id(n), null));
            meter.maybePrint("starting " + n + "/" + orders);
        }
        for (CompletableFuture<?> start : inFlight) {
            start.get();
        }
    }

    private static Map<String, SagaState> statesByOrder(SagaEngine engine) {
        Map<String, SagaState> states = new HashMap<>();
        SagaQuery page = SagaQuery.all().withSagaName(OrderFulfilmentSaga.NAME).page(0, 1000);
        while (true) {
            List<SagaInstance> instances = engine.list(page);
            for (SagaInstance instance : instances) {
                states.put(instance.idempotencyKey(), instance.state());
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
        private final int orders;
        private final PrintStream out;
        private long lastPrint = System.nanoTime();
        private long lastEnded = -1;

        Progress(SagaEngine engine, int orders, PrintStream out) {
            this.engine = engine;
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
            counts.putAll(engine.countByState(OrderFulfilmentSaga.NAME));
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
            out.printf("%s: %d/%d orders started, %d completed, %d compensated, %d running, %d stalled%s%n", phase,
                    started, orders, counts.getOrDefault(SagaState.COMPLETED, 0L),
                    counts.getOrDefault(SagaState.FAILED, 0L) + counts.getOrDefault(SagaState.CANCELLED, 0L),
                    started - ended - counts.getOrDefault(SagaState.COMPENSATION_STALLED, 0L),
                    counts.getOrDefault(SagaState.COMPENSATION_STALLED, 0L), rate);
            lastPrint = System.nanoTime();
            lastEnded = ended;
        }
    }
}
