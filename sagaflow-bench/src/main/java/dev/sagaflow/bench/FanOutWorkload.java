package dev.sagaflow.bench;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.spi.SagaStore;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sagas that fan out to {@code branches} child sagas of one trivial step each, against the reference
 * workload on the same store and engine in the same run: branch steps per second over reference steps
 * per second. A branch step costs a child row (inserted with the parent's transition), its step's
 * transition, and its end folded into the parent, so the ratio says what a fan-out costs per step.
 */
public final class FanOutWorkload {
    public static final String NAME = "fan-out";
    static final String SAGA = "fan-out-100";

    private FanOutWorkload() {
    }

    public record Batch(String id, List<Integer> items) {
    }

    static SagaDefinition<Batch> definition() {
        return Saga.define(SAGA, Batch.class)
                .forEach("branches", Batch::items, Integer.class, b -> b.step("work").invoke((item, c) -> item)
                        .compensateWith((item, c) -> { }))
                .build();
    }

    static String branchSaga() {
        return SAGA + ".branches";
    }

    /** {@code fanOuts} sagas of {@code branches} branches, {@code concurrency} of them at once, after {@code options.sagas()} reference sagas. */
    public static FanOutReport run(BenchOptions options, int fanOuts, int branches, PrintStream progress) throws Exception {
        StepCounter counted = new StepCounter();
        SagaStore store = LoadDriver.openStore(options.store(), options.dir());
        SagaEngine.Builder builder = SagaEngine.builder(store).maxActiveInstances(Math.max(10_000, options.concurrency() * 2))
                .listener(counted).register(ReferenceWorkload.definition()).register(definition());
        try (store; SagaEngine engine = builder.build()) {
            String run = Long.toString(System.currentTimeMillis(), 36) + "-";
            progress.printf("warming up: %d reference sagas, %d fan-outs%n", 500, 5);
            drive(engine, counted, ReferenceWorkload.NAME, run + "warm-ref-", 500, options.concurrency(), i -> ReferenceWorkload.order(i));
            drive(engine, counted, SAGA, run + "warm-fan-", 5, 2, i -> batch(i, branches));

            long refAttempts = counted.attempts(ReferenceWorkload.NAME);
            long start = System.nanoTime();
            drive(engine, counted, ReferenceWorkload.NAME, run + "ref-", options.sagas(), options.concurrency(),
                    i -> ReferenceWorkload.order(i));
            double refSeconds = (System.nanoTime() - start) / 1e9;
            long refSteps = counted.attempts(ReferenceWorkload.NAME) - refAttempts;
            progress.printf("reference: %d sagas, %d steps in %.2f s = %.0f steps/s%n", options.sagas(), refSteps,
                    refSeconds, refSteps / refSeconds);

            long branchAttempts = counted.attempts(branchSaga());
            int inFlight = Math.max(1, options.concurrency() / branches);
            start = System.nanoTime();
            drive(engine, counted, SAGA, run + "fan-", fanOuts, inFlight, i -> batch(i, branches));
            double fanSeconds = (System.nanoTime() - start) / 1e9;
            long branchSteps = counted.attempts(branchSaga()) - branchAttempts;
            progress.printf("fan-out: %d sagas × %d branches, %d branch steps in %.2f s = %.0f branch steps/s%n",
                    fanOuts, branches, branchSteps, fanSeconds, branchSteps / fanSeconds);
            String storeName = dev.sagaflow.jdbc.SagaStores.isPostgres(options.store()) ? "postgresql" : options.store();
            return new FanOutReport(storeName, options.sagas(), refSteps, refSeconds, fanOuts, branches, inFlight,
                    branchSteps, fanSeconds);
        }
    }

    private static Batch batch(int number, int branches) {
        List<Integer> items = new ArrayList<>(branches);
        for (int i = 0; i < branches; i++) {
            items.add(i);
        }
        return new Batch("batch-" + number, items);
    }

    private static void drive(SagaEngine engine, StepCounter counted, String saga, String keyPrefix, int sagas,
                              int concurrency, java.util.function.IntFunction<Object> data) throws InterruptedException {
        Semaphore room = new Semaphore(concurrency);
        counted.limit(saga, room);
        long endedBefore = counted.ended(saga);
        for (int i = 1; i <= sagas; i++) {
            room.acquire();
            engine.startAsync(saga, data.apply(i), keyPrefix + i, null);
        }
        while (counted.ended(saga) - endedBefore < sagas) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
