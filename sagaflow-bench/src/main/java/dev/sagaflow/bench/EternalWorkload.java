package dev.sagaflow.bench;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaStore;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One saga that runs {@code iterations} iterations of a trivial step: it loops within a run and
 * continues as new every {@code perRun} iterations, keeping {@code keepRuns} runs of history. Sampled
 * as it goes: its stored history rows (bounded by the runs kept, whatever the iterations) and the
 * heap after full collections (flat: nothing of past runs is held).
 */
public final class EternalWorkload {
    public static final String NAME = "eternal";
    static final String SAGA = "eternal-counter";

    private EternalWorkload() {
    }

    public record Counter(long done, int inRun, long until, int perRun) {
    }

    static SagaDefinition<Counter> definition(int keepRuns) {
        return Saga.define(SAGA, Counter.class)
                .keepRuns(keepRuns)
                .retriable("tick").invoke((c, ctx) -> new Counter(c.done() + 1, c.inRun() + 1, c.until(), c.perRun()))
                .loopTo("again", "tick", c -> c.inRun() < c.perRun() && c.done() < c.until())
                .continueAsNew("next-run", c -> new Counter(c.done(), 0, c.until(), c.perRun())).when(c -> c.done() < c.until())
                .build();
    }

    public static EternalReport run(BenchOptions options, long iterations, int perRun, int keepRuns, PrintStream progress)
            throws Exception {
        SagaStore store = LoadDriver.openStore(options.store(), options.dir());
        try (store; SagaEngine engine = SagaEngine.builder(store).register(definition(keepRuns)).build()) {
            double heapStart = WaitingWorkload.heapAfterFullGc();
            SagaId id = engine.start(SAGA, new Counter(0, 0, iterations, perRun),
                    "eternal-" + Long.toString(System.currentTimeMillis(), 36));
            long start = System.nanoTime();
            int maxRows = 0;
            long nextSample = 0;
            while (true) {
                Optional<dev.sagaflow.spi.SagaRecord> row = store.find(id.value());
                long done = row.map(r -> engine.get(id).data(Counter.class).done()).orElse(0L);
                int rows = store.history(id.value()).size();
                maxRows = Math.max(maxRows, rows);
                if (row.isPresent() && row.get().state().isTerminal()) {
                    break;
                }
                if (done >= nextSample) {
                    progress.printf("%,d of %,d iterations, run %d, %d history rows stored, %.0f iterations/s%n", done,
                            iterations, row.map(r -> r.progress().run()).orElse(0), rows,
                            done / ((System.nanoTime() - start) / 1e9));
                    nextSample = done + iterations / 10;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            SagaState state = engine.get(id).state();
            long done = engine.get(id).data(Counter.class).done();
            int runs = store.find(id.value()).orElseThrow().progress().run() + 1;
            double heapEnd = WaitingWorkload.heapAfterFullGc();
            String storeName = dev.sagaflow.jdbc.SagaStores.isPostgres(options.store()) ? "postgresql" : options.store();
            return new EternalReport(storeName, state.name(), done, runs, perRun, keepRuns, maxRows,
                    store.history(id.value()).size(), seconds, heapStart, heapEnd);
        }
    }
}
