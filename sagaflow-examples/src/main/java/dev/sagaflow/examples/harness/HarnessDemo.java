package dev.sagaflow.examples.harness;

import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.examples.EngineHook;
import dev.sagaflow.jdbc.SqliteSagaStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs tasks {@code task-1..N} through the {@link TaskSaga} on a SQLite store: each fans out to three
 * simulated workers that follow the seeded {@link WorkPlan}, keeps the best answer at or above the
 * threshold or escalates to the larger worker, then checks every task against the plan and the ledger
 * ({@link HarnessAudit}). Run again on the same DIR (after a crash, say) it resumes: no task starts
 * twice (its id is its idempotency key), no worker's child saga either (the engine keys it by the
 * parent and the branch), and every attempt run again is the same attempt, charged once.
 */
public final class HarnessDemo {
    private static final int STARTS_IN_FLIGHT = 1_000;

    private HarnessDemo() {
    }

    public static HarnessAudit.Result run(HarnessOptions options, PrintStream progress) throws Exception {
        return run(options, progress, EngineHook.NONE);
    }

    public static HarnessAudit.Result run(HarnessOptions options, PrintStream progress, EngineHook hook) throws Exception {
        try {
            Files.createDirectories(options.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dir(), e);
        }
        WorkPlan plan = new WorkPlan(options.seed(), options.threshold());
        try (SqliteSagaStore store = SqliteSagaStore.open(options.store());
             WorkerLedger ledger = new WorkerLedger(options.ledger())) {
            Map<String, TaskOutcome> outcomes;
            SimulatedWorkers workers = new SimulatedWorkers(plan, ledger);
            try (SagaEngine engine = hook.build(SagaEngine.builder(store)
                    .register(TaskSaga.definition(workers, ledger, options.threshold()))
                    .pollInterval(Duration.ofMillis(100)));
                 SagaClient client = SagaClient.builder(store).register(TaskSaga.forClient()).build()) {
                Progress meter = new Progress(client, options.tasks(), progress);
                startAll(engine, options.tasks(), meter);
                if (!meter.awaitAllEnded(options.timeout())) {
                    progress.printf("timed out after %s with tasks still running%n", options.timeout());
                }
                outcomes = outcomes(client);
            }
            progress.println("checking every task against the workers' plan and the ledger");
            HarnessAudit.Result result = HarnessAudit.audit(plan, options.tasks(), outcomes, ledger.read());
            if (options.verbose()) {
                printChoices(options.tasks(), outcomes, plan, progress);
            }
            result.problems().stream().limit(20).forEach(problem -> progress.println("INCONSISTENT " + problem));
            return result;
        }
    }

    private static void startAll(SagaEngine engine, int tasks, Progress meter) throws Exception {
        Deque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
        for (int n = 1; n <= tasks; n++) {
            if (inFlight.size() >= STARTS_IN_FLIGHT) {
                inFlight.removeFirst().get();
            }
            inFlight.addLast(engine.startAsync(TaskSaga.NAME, Task.of(n), WorkPlan.taskId(n), null));
            meter.maybePrint("starting " + n + "/" + tasks);
        }
        for (CompletableFuture<?> start : inFlight) {
            start.get();
        }
    }

    /** Every task's outcome, by task id, from the store. */
    public static Map<String, TaskOutcome> outcomes(SagaClient client) {
        Map<String, TaskOutcome> outcomes = new HashMap<>();
        SagaQuery page = SagaQuery.all().withSagaName(TaskSaga.NAME).page(0, 1000);
        while (true) {
            List<SagaInstance> instances = client.list(page);
            for (SagaInstance instance : instances) {
                outcomes.put(instance.idempotencyKey(), TaskOutcome.of(instance));
            }
            if (instances.size() < page.limit()) {
                return outcomes;
            }
            page = page.next();
        }
    }

    /** One line per task: what it chose, and what each worker did per the plan. */
    private static void printChoices(int tasks, Map<String, TaskOutcome> outcomes, WorkPlan plan, PrintStream out) {
        out.printf("%-10s %-22s %s%n", "task", "choice", "workers (score, attempts as planned: t transient, i invalid, "
                + "o ok)");
        for (int n = 1; n <= tasks; n++) {
            TaskOutcome o = outcomes.get(WorkPlan.taskId(n));
            StringBuilder workers = new StringBuilder();
            for (String w : WorkPlan.WORKERS) {
                workers.append(describe(plan.worker(n, w))).append("  ");
            }
            if (o != null && o.fate() != WorkPlan.Fate.BEST_OF_3 && o.state().isTerminal()) {
                workers.append(describe(plan.escalation(n)));
            }
            out.printf("%-10s %-22s %s%n", WorkPlan.taskId(n), o == null ? "not started" : o.describe(),
                    workers.toString().strip());
        }
    }

    private static String describe(WorkPlan.WorkerPlan p) {
        StringBuilder s = new StringBuilder(p.worker()).append(' ').append(p.score()).append(' ');
        p.attempts().forEach(a -> s.append(a.kind().name().toLowerCase().charAt(0)));
        return s.toString();
    }

    /** Prints where the tasks stand, once a second. */
    private static final class Progress {
        private final SagaClient client;
        private final int tasks;
        private final PrintStream out;
        private long lastPrint = System.nanoTime();

        Progress(SagaClient client, int tasks, PrintStream out) {
            this.client = client;
            this.tasks = tasks;
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
                if (ended(client.countByState(TaskSaga.NAME)) >= tasks) {
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

        private static long ended(Map<SagaState, Long> counts) {
            return counts.entrySet().stream().filter(e -> e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
        }

        void print(String phase) {
            Map<SagaState, Long> counts = client.countByState(TaskSaga.NAME);
            long started = counts.values().stream().mapToLong(Long::longValue).sum();
            long workers = 0;
            long workersEnded = 0;
            for (String w : WorkPlan.WORKERS) {
                Map<SagaState, Long> c = client.countByState(TaskSaga.workerSaga(w));
                workers += c.values().stream().mapToLong(Long::longValue).sum();
                workersEnded += ended(c);
            }
            out.printf("%s: %d/%d tasks started, %d answered, %d failed, %d running; workers: %d asked, %d done%n",
                    phase, started, tasks, counts.getOrDefault(SagaState.COMPLETED, 0L),
                    counts.getOrDefault(SagaState.FAILED, 0L), started - ended(counts), workers, workersEnded);
            lastPrint = System.nanoTime();
        }
    }
}
