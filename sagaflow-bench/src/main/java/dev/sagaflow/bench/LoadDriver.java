package dev.sagaflow.bench;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaListener;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.participant.Participant;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaStore;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The end-to-end load driver: runs the reference workload on one engine node and measures sagas
 * per second and the engine's overhead per step. A warm-up of its own sagas comes first so the
 * figures are of a JIT-compiled engine.
 */
public final class LoadDriver {
    private LoadDriver() {
    }

    public static BenchReport run(BenchOptions options, PrintStream progress) throws Exception {
        return run(options, null, progress);
    }

    /**
     * @param transport when given, the workload's steps are commands to a participant through it
     *                  ({@link RemoteWorkload}); step latency is then the round trip of each command
     */
    public static BenchReport run(BenchOptions options, Transport transport, PrintStream progress) throws Exception {
        return run(options, transport, progress, builder -> {
        });
    }

    /**
     * @param observe adds to the engine's builder what the run is to measure the cost of (a metrics
     *                listener, a tracing interceptor); the same run without it is the baseline
     */
    public static BenchReport run(BenchOptions options, Transport transport, PrintStream progress,
                                  Consumer<SagaEngine.Builder> observe) throws Exception {
        Measurements measured = new Measurements();
        String storeName = SagaStores.isPostgres(options.store()) ? "postgresql" : options.store();
        String sagaName = transport == null ? ReferenceWorkload.NAME : RemoteWorkload.NAME;
        if (transport != null) {
            storeName += ", remote steps over " + transport.name();
        }
        SagaStore store = openStore(options.store(), options.dir());
        SagaEngine.Builder builder = SagaEngine.builder(store)
                .maxActiveInstances(Math.max(10_000, options.concurrency()))
                .listener(measured);
        if (transport == null) {
            builder.register(ReferenceWorkload.definition());
        } else {
            builder.register(RemoteWorkload.definition()).transport(transport)
                    .replyChannel("bench.replies-" + Long.toString(System.nanoTime(), 36));
        }
        observe.accept(builder);
        Participant participant = transport == null ? null
                : RemoteWorkload.participant(options.dir().resolve("participant-" + System.currentTimeMillis() + ".db"),
                transport).start();
        try (store; SagaEngine engine = builder.build()) {
            int warmup = Math.min(2_000, Math.max(100, options.sagas() / 5));
            progress.printf("warming up with %d sagas on %s%n", warmup, storeName);
            // Keys unique to this run: a shared database keeps the instances of earlier runs.
            String run = Long.toString(System.currentTimeMillis(), 36) + "-";
            drive(engine, sagaName, run + "warmup-", warmup, options.concurrency(), 0, measured, null);

            measured.reset();
            long commitsBefore = engine.commits();
            long writesBefore = engine.writes();
            long start = System.nanoTime();
            drive(engine, sagaName, run + "order-", options.sagas(), options.concurrency(), options.ratePerSecond(),
                    measured, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            Histogram steps = measured.steps();
            return new BenchReport(storeName, options.sagas(), measured.completed.get(),
                    measured.compensated.get(), seconds, options.sagas() / seconds,
                    millis(steps.getValueAtPercentile(50)), millis(steps.getValueAtPercentile(99)),
                    millis(steps.getValueAtPercentile(99.9)), millis(steps.getMaxValue()),
                    engine.commits() - commitsBefore, engine.writes() - writesBefore, options.concurrency(),
                    options.ratePerSecond());
        } finally {
            if (participant != null) {
                participant.close();
            }
        }
    }

    static SagaStore openStore(String store, Path dir) {
        if (store.equals("memory")) {
            return new InMemorySagaStore();
        }
        if (store.equals("sqlite")) {
            return SqliteSagaStore.open(dir.resolve("bench-" + System.currentTimeMillis() + ".db"));
        }
        return SagaStores.open(store);
    }

    private static void drive(SagaEngine engine, String sagaName, String keyPrefix, int sagas, int concurrency, double rate,
                              Measurements measured, PrintStream progress) throws Exception {
        CountDownLatch allEnded = measured.expect(sagas);
        Semaphore room = measured.room(concurrency);
        long start = System.nanoTime();
        long lastReport = start;
        int reportedEnded = 0;
        for (int i = 1; i <= sagas; i++) {
            if (rate > 0) {
                long due = start + (long) ((i - 1) * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            room.acquire();
            engine.startAsync(sagaName, ReferenceWorkload.order(i), keyPrefix + i, null);
            if (progress != null && System.nanoTime() - lastReport > 1_000_000_000L) {
                int ended = sagas - (int) allEnded.getCount();
                progress.printf("%d/%d sagas ended, %.0f sagas/s%n", ended, sagas,
                        (ended - reportedEnded) / ((System.nanoTime() - lastReport) / 1e9));
                lastReport = System.nanoTime();
                reportedEnded = ended;
            }
        }
        while (!allEnded.await(1, TimeUnit.SECONDS)) {
            if (progress != null) {
                progress.printf("%d/%d sagas ended%n", sagas - allEnded.getCount(), sagas);
            }
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Fed by the engine's commit thread; the driver only reads it between phases. */
    private static final class Measurements implements SagaListener {
        private final Histogram steps = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger compensated = new AtomicInteger();
        private volatile CountDownLatch ended = new CountDownLatch(0);
        private volatile Semaphore room = new Semaphore(Integer.MAX_VALUE);

        CountDownLatch expect(int sagas) {
            ended = new CountDownLatch(sagas);
            return ended;
        }

        Semaphore room(int permits) {
            room = new Semaphore(permits);
            return room;
        }

        synchronized void reset() {
            steps.reset();
            completed.set(0);
            compensated.set(0);
        }

        synchronized Histogram steps() {
            return steps.copy();
        }

        @Override
        public void onAttemptRecorded(SagaId id, String sagaName, String step, boolean compensation, boolean succeeded,
                                      long latencyNanos) {
            synchronized (this) {
                steps.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(latencyNanos), steps.getHighestTrackableValue()));
            }
        }

        @Override
        public void onSagaEnded(SagaId id, String sagaName, SagaState state) {
            (state == SagaState.COMPLETED ? completed : compensated).incrementAndGet();
            room.release();
            ended.countDown();
        }
    }
}
