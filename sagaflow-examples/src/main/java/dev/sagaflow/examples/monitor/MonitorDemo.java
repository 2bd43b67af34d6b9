package dev.sagaflow.examples.monitor;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.examples.EngineHook;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Runs the eternal health monitor ({@link HealthMonitorSaga}) on the SQLite store in DIR until it has
 * made its checks, printing where it stands every second, then audits its ledger. Run again on the
 * same DIR it resumes the one monitor (idempotent start), which catches up the rounds due meanwhile.
 */
public final class MonitorDemo {
    /** Share of checks whose recording fails transiently (before the ledger's commit, or after it). */
    public static final double TRANSIENT_FAULT_RATE = 0.02;
    private static final long SAMPLE_MILLIS = 250;

    private MonitorDemo() {
    }

    public static MonitorReport run(MonitorOptions options, PrintStream progress) throws Exception {
        return run(options, progress, EngineHook.NONE);
    }

    public static MonitorReport run(MonitorOptions options, PrintStream progress, EngineHook hook) throws Exception {
        try {
            Files.createDirectories(options.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dir(), e);
        }
        double heapStart = heapAfterGc();
        long maxHistory = 0;
        SagaRecord last;
        try (HealthLedger ledger = new HealthLedger(options.ledgerFile(), Faults.transientAt(TRANSIENT_FAULT_RATE))) {
            ledger.agreeOnPlan(options);
            try (SagaStore store = SagaStores.open(options.storeFile());
                 SagaEngine engine = hook.build(SagaEngine.builder(store)
                         .register(HealthMonitorSaga.definition(ledger, options.keepRuns())))) {
                SagaId id = engine.start(HealthMonitorSaga.NAME, Watch.first(options, System.currentTimeMillis()),
                        HealthMonitorSaga.KEY);
                long until = System.nanoTime() + options.timeout().toNanos();
                long nextPrint = 0;
                while (true) {
                    last = store.find(id.value()).orElseThrow();
                    int history = store.history(id.value()).size();
                    maxHistory = Math.max(maxHistory, history);
                    boolean ended = last.state().isTerminal();
                    if (ended || System.nanoTime() > until || System.nanoTime() >= nextPrint) {
                        print(progress, engine, id, last, ledger, options, history, maxHistory);
                        nextPrint = System.nanoTime() + 1_000_000_000L;
                    }
                    if (ended) {
                        break;
                    }
                    if (System.nanoTime() > until) {
                        progress.printf("timed out after %s with the monitor still running%n", options.timeout());
                        break;
                    }
                    Thread.sleep(SAMPLE_MILLIS);
                }
            }
            long rounds = ledger.roundsRecorded();
            long alerts = ledger.alerts();
            progress.println("checking every service's every round and every alert in " + options.ledgerFile());
            MonitorAudit.Result audit = MonitorAudit.audit(options.ledgerFile(), options.services(), options.rounds());
            audit.problems().stream().limit(20).forEach(problem -> progress.println("INCONSISTENT " + problem));
            double heapEnd = heapAfterGc();
            return new MonitorReport(rounds * options.services(), alerts, rounds, last.progress().run() + 1L, maxHistory,
                    heapStart, heapEnd, audit.doubled(), audit.lost(), last.state().isTerminal() ? 0 : 1);
        }
    }

    private static void print(PrintStream progress, SagaEngine engine, SagaId id, SagaRecord row, HealthLedger ledger,
                              MonitorOptions options, int history, long maxHistory) {
        SagaInstance instance = engine.get(id);
        Watch watch = instance.data(Watch.class);
        long behind = Math.max(0, (System.currentTimeMillis() - watch.nextDue().toEpochMilli()) / watch.intervalMillis());
        progress.printf("round %d/%d, %d checks, %d alerts, run %d, %d history rows (most %d), %s%s%n", watch.round(),
                options.rounds(), watch.round() * options.services(), ledger.alerts(), row.progress().run() + 1,
                history, maxHistory, row.state(),
                behind > 1 && !row.state().isTerminal() ? ", catching up " + behind + " rounds" : "");
    }

    private static double heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return Math.round((rt.totalMemory() - rt.freeMemory()) / 1024.0 / 102.4) / 10.0;
    }
}
