package dev.sagaflow.examples.approval;

import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.examples.EngineHook;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.spi.SagaStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs purchase requests {@code req-1..req-N} through the {@link PurchaseRequestSaga} on the store,
 * with the {@link Approvers} answering through a client as the {@link ApprovalPlan} says, waits for
 * every request to end, then checks each against the plan and the budget ledger ({@link ApprovalAudit}).
 * Run again on the same DIR (after a crash, say) it resumes: no request starts twice (its id is its
 * idempotency key), the approvers send their plan again (the same signal ids, so repeats are no-ops),
 * and the engine fires every timer that came due meanwhile.
 */
public final class ApprovalDemo {
    /** Share of budget-ledger calls that fail transiently (before applying, or after committing). */
    public static final double TRANSIENT_FAULT_RATE = 0.02;
    private static final int STARTS_IN_FLIGHT = 1_000;

    private ApprovalDemo() {
    }

    public static ApprovalAudit.Result run(ApprovalOptions options, PrintStream progress) throws Exception {
        return run(options, progress, EngineHook.NONE);
    }

    /** As {@link #run(ApprovalOptions, PrintStream)}, with {@code hook} applied to the demo's engine. */
    public static ApprovalAudit.Result run(ApprovalOptions options, PrintStream progress, EngineHook hook) throws Exception {
        return run(options, Faults.transientAt(TRANSIENT_FAULT_RATE), progress, hook);
    }

    static ApprovalAudit.Result run(ApprovalOptions options, Faults faults, PrintStream progress) throws Exception {
        return run(options, faults, progress, EngineHook.NONE);
    }

    static ApprovalAudit.Result run(ApprovalOptions options, Faults faults, PrintStream progress, EngineHook hook)
            throws Exception {
        try {
            Files.createDirectories(options.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dir(), e);
        }
        ApprovalPlan plan = new ApprovalPlan(options.seed(), options.maxAnswerDelayMillis());
        // The store first: one that cannot be opened ends the run before the ledger is made.
        try (SagaStore store = SagaStores.open(options.storeOrDefault());
             BudgetLedger ledger = new BudgetLedger(options.dir().resolve("budget.db"), faults, Duration.ZERO)) {
            Map<String, RequestOutcome> outcomes;
            try (SagaEngine engine = hook.build(SagaEngine.builder(store)
                    .register(PurchaseRequestSaga.definition(ledger, options.managerTimeout(), options.directorTimeout()))
                    .pollInterval(Duration.ofMillis(100)));
                 SagaClient client = SagaClient.builder(store).register(PurchaseRequestSaga.forClient()).build();
                 Approvers approvers = new Approvers(client, plan, options.requests()).start()) {
                Progress meter = new Progress(client, approvers, options.requests(), progress);
                startAll(engine, plan, approvers, options.requests(), meter);
                if (!meter.awaitAllEnded(options.timeout())) {
                    progress.printf("timed out after %s with requests still running%n", options.timeout());
                }
                outcomes = outcomes(client, store);
            }
            progress.println("checking every request against the approvers' plan and the budget ledger");
            ApprovalAudit.Result result = ApprovalAudit.audit(plan, options.requests(), outcomes,
                    ledger.effectsByRequest(), ledger.budgetDiscrepancy());
            if (result.late() > 0) {
                progress.printf("%d planned answers reached their saga after its wait had timed out (the approvers "
                        + "were down); those requests escalated or timed out instead, as they should%n", result.late());
            }
            result.problems().stream().limit(20).forEach(problem -> progress.println("INCONSISTENT " + problem));
            return result;
        }
    }

    private static void startAll(SagaEngine engine, ApprovalPlan plan, Approvers approvers, int requests,
                                 Progress meter) throws Exception {
        Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        for (int n = 1; n <= requests; n++) {
            if (inFlight.size() >= STARTS_IN_FLIGHT) {
                inFlight.removeFirst().get();
            }
            int request = n;
            inFlight.addLast(engine.startAsync(PurchaseRequestSaga.NAME, plan.request(n), ApprovalPlan.id(n), null)
                    .thenRun(() -> approvers.started(request)));
            meter.maybePrint("starting " + n + "/" + requests);
        }
        for (CompletableFuture<?> start : inFlight) {
            start.get();
        }
    }

    /** Every request's outcome, by request id, from the store: rows, histories and inboxes. */
    public static Map<String, RequestOutcome> outcomes(SagaClient client, SagaStore store) {
        Map<String, RequestOutcome> outcomes = new HashMap<>();
        SagaQuery page = SagaQuery.all().withSagaName(PurchaseRequestSaga.NAME).page(0, 1000);
        while (true) {
            List<SagaInstance> instances = client.list(page);
            for (SagaInstance instance : instances) {
                SagaInstance full = instance.state().isTerminal() ? client.get(instance.id()) : instance;
                outcomes.put(instance.idempotencyKey(), RequestOutcome.of(full, store.inbox(instance.id().value())));
            }
            if (instances.size() < page.limit()) {
                return outcomes;
            }
            page = page.next();
        }
    }

    /** Prints where the requests stand, once a second. */
    private static final class Progress {
        private final SagaClient client;
        private final Approvers approvers;
        private final int requests;
        private final PrintStream out;
        private long lastPrint = System.nanoTime();

        Progress(SagaClient client, Approvers approvers, int requests, PrintStream out) {
            this.client = client;
            this.approvers = approvers;
            this.requests = requests;
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
                if (ended(counts()) >= requests) {
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
            counts.putAll(client.countByState(PurchaseRequestSaga.NAME));
            return counts;
        }

        private static long ended(Map<SagaState, Long> counts) {
            return counts.entrySet().stream().filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
        }

        void print(String phase) {
            Map<SagaState, Long> counts = counts();
            long started = counts.values().stream().mapToLong(Long::longValue).sum();
            long waiting = counts.getOrDefault(SagaState.WAITING, 0L);
            out.printf("%s: %d/%d requests started, %d ordered, %d released (rejected or unanswered), %d waiting, "
                            + "%d running; approvers: %d decisions delivered, %d duplicates absorbed, %d too late for an "
                            + "ended request%n", phase, started, requests, counts.getOrDefault(SagaState.COMPLETED, 0L),
                    counts.getOrDefault(SagaState.FAILED, 0L) + counts.getOrDefault(SagaState.CANCELLED, 0L), waiting,
                    started - ended(counts) - waiting, approvers.delivered(), approvers.duplicates(), approvers.toEnded());
            lastPrint = System.nanoTime();
        }
    }
}
