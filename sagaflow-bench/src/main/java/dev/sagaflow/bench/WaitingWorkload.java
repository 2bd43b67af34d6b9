package dev.sagaflow.bench;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.spi.SagaStore;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Many instances waiting, few waking: {@code N} instances of a saga whose first step waits (half on a
 * durable timer, half on a signal without a timeout) and whose second step records when it started.
 *
 * <p>Phase 1 starts the instances as fast as the engine takes them and measures the heap after full
 * GCs once {@code min(100,000, N)} and then all {@code N} wait: an engine that keeps no waiting
 * instance in memory shows the same heap at both. Phase 2 then wakes {@code wakeupsPerSecond} of them
 * per second for {@code wakeSeconds}, half by timers planned in phase 1 to come due then, half by
 * signals sent at a steady rate from other threads, while the rest go on waiting. A wake-up's latency
 * is from its timer's due time, or from the return of the {@code signal} call that committed its
 * signal, to the start of the step after the wait.
 */
public final class WaitingWorkload {
    public static final String NAME = "waiting";
    static final String SIGNAL = "go";
    static final int FIRST_HEAP_AT = 100_000;

    private WaitingWorkload() {
    }

    public enum Kind { TIMER, SIGNAL }

    /**
     * @param slot the instance's place among the wake-ups of phase 2, or -1 for one that waits throughout
     */
    public record Waiter(Kind kind, long dueAtMillis, int slot) {
    }

    /** The signal's payload. */
    public record Go(int slot) {
    }

    public static SagaDefinition<Waiter> definition(WakeRecorder recorder) {
        return Saga.define(NAME, Waiter.class)
                .sleepUntil("timer", w -> Instant.ofEpochMilli(w.dueAtMillis())).when(w -> w.kind() == Kind.TIMER)
                .awaitSignal("signal", SIGNAL, Go.class, (w, go) -> w).when(w -> w.kind() == Kind.SIGNAL)
                .step("after").invoke((w, c) -> {
                    recorder.woke(w.slot());
                    return w;
                })
                .build();
    }

    /** When each planned wake-up was ready (due, or its signal committed) and when its next step began. */
    public static final class WakeRecorder {
        final AtomicLongArray readyMicros;
        final AtomicLongArray sendStartMicros;
        final AtomicLongArray wokeMicros;
        final CountDownLatch allWoke;
        final AtomicInteger unplanned = new AtomicInteger();

        WakeRecorder(int wakeups) {
            readyMicros = new AtomicLongArray(wakeups);
            sendStartMicros = new AtomicLongArray(wakeups);
            wokeMicros = new AtomicLongArray(wakeups);
            allWoke = new CountDownLatch(wakeups);
        }

        void woke(int slot) {
            long now = nowMicros();
            if (slot < 0) {
                unplanned.incrementAndGet();
            } else if (wokeMicros.compareAndSet(slot, 0, now)) {
                allWoke.countDown();
            }
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public static WaitingReport run(WaitingOptions options, PrintStream progress) throws Exception {
        int n = options.instances();
        int wakeups = options.wakeups();
        int half = wakeups / 2;
        // Slots [0, half) are timers, [half, wakeups) signals; one wake-up every `period` µs, alternating.
        double periodMicros = 1e6 / options.wakeupsPerSecond();
        WakeRecorder recorder = new WakeRecorder(wakeups);
        SagaDefinition<Waiter> definition = definition(recorder);
        String storeName = SagaStores.isPostgres(options.store()) ? "postgresql" : options.store();
        SagaStore store = LoadDriver.openStore(options.store(), options.dir());
        SagaId[] signalTargets = new SagaId[half];
        try (store; SagaEngine engine = SagaEngine.builder(store).register(definition).build();
             SagaClient separate = options.separateClient() ? SagaClient.builder(store).register(definition).build() : null) {
            int firstHeapAt = Math.min(FIRST_HEAP_AT, n);
            // Instance i is a signal when i is even, a timer when odd. The signals of phase 2 are the
            // first `half` signal instances; its timers the last `half` timer instances, so that
            // their due times can be planned once most of phase 1 is behind.
            int firstPlannedTimer = n / 2 - half;
            long farFuture = System.currentTimeMillis() + TimeUnit.DAYS.toMillis(30);
            String run = Long.toString(System.currentTimeMillis(), 36) + "-";
            progress.printf("starting %,d waiting instances on %s (%,d wake-ups at %d/s follow)%n", n, storeName, wakeups,
                    options.wakeupsPerSecond());

            Semaphore room = new Semaphore(options.concurrency());
            AtomicInteger failedStarts = new AtomicInteger();
            long phase1Start = System.nanoTime();
            long lastReport = phase1Start;
            int timerSlot = 0;
            int signalSlot = 0;
            long t0Millis = 0;
            double heapAtFirst = 0;
            long heldAtFirst = -1;
            long pausedNanos = 0;
            for (int i = 0; i < n; i++) {
                if (i == firstHeapAt) {
                    long pauseStart = System.nanoTime();
                    awaitAllWaiting(engine, i, room, options.concurrency(), progress);
                    heldAtFirst = heldInMemory(engine);
                    heapAtFirst = heapAfterFullGc();
                    progress.printf("%,d waiting: heap after full GC %.1f MB, %s instances held in memory%n", i,
                            heapAtFirst, describeHeld(heldAtFirst));
                    pausedNanos += System.nanoTime() - pauseStart;
                }
                Waiter data;
                if (i % 2 == 0) {
                    data = new Waiter(Kind.SIGNAL, 0, signalSlot < half ? half + signalSlot : -1);
                } else if (i / 2 < firstPlannedTimer) {
                    data = new Waiter(Kind.TIMER, farFuture, -1);
                } else {
                    if (t0Millis == 0) {
                        t0Millis = planPhase2(i, n, phase1Start, progress);
                    }
                    long due = t0Millis + Math.round(2 * timerSlot * periodMicros / 1000.0);
                    recorder.readyMicros.set(timerSlot, due * 1000);
                    data = new Waiter(Kind.TIMER, due, timerSlot++);
                }
                room.acquire();
                int signalIndex = data.kind() == Kind.SIGNAL && data.slot() >= 0 ? signalSlot++ : -1;
                engine.startAsync(NAME, data, run + i, null).whenComplete((id, error) -> {
                    if (error != null) {
                        failedStarts.incrementAndGet();
                    } else if (signalIndex >= 0) {
                        signalTargets[signalIndex] = id;
                    }
                    room.release();
                });
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.printf("%,d/%,d started, %.0f/s; %s held in memory%n", i + 1, n,
                            (i + 1) / ((lastReport - phase1Start) / 1e9), describeHeld(heldInMemory(engine)));
                }
            }
            if (t0Millis == 0) {
                t0Millis = planPhase2(n, n, phase1Start, progress);
            }
            awaitAllWaiting(engine, n, room, options.concurrency(), progress);
            if (firstHeapAt == n) {
                heldAtFirst = heldInMemory(engine);
                heapAtFirst = heapAfterFullGc();
            }
            // Starting and settling into the wait, less the pause for the first heap measurement.
            double startSeconds = (System.nanoTime() - phase1Start - pausedNanos) / 1e9;
            long heldAtN = heldInMemory(engine);
            double heapAtN = heapAfterFullGc();
            Map<SagaState, Long> counts = engine.countByState(NAME);
            progress.printf("%,d waiting (started in %.1f s, %.0f/s): heap after full GC %.1f MB, %s held in memory; states %s%n",
                    n, startSeconds, n / startSeconds, heapAtN, describeHeld(heldAtN), counts);
            if (failedStarts.get() > 0) {
                throw new IllegalStateException(failedStarts.get() + " starts failed");
            }

            long lateMillis = System.currentTimeMillis() - t0Millis;
            if (lateMillis > 0) {
                progress.printf("WARNING: phase 2 was planned to begin %d ms ago; the first wake-ups are late%n", lateMillis);
            }
            progress.printf("phase 2: %,d wake-ups at %d/s for %d s%n", wakeups, options.wakeupsPerSecond(), options.wakeSeconds());
            long drainUntil = t0Millis + options.wakeSeconds() * 1000L + 60_000;
            List<Thread> senders = sendSignals(engine, separate, signalTargets, recorder, half, t0Millis, periodMicros,
                    drainUntil);
            while (!recorder.allWoke.await(5, TimeUnit.SECONDS) && System.currentTimeMillis() < drainUntil) {
                progress.printf("%,d/%,d woke%n", wakeups - recorder.allWoke.getCount(), wakeups);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            return report(storeName, options, n, startSeconds, firstHeapAt, heapAtFirst, heapAtN, heldAtFirst, heldAtN,
                    recorder, half, t0Millis, Math.max(0, lateMillis));
        }
    }

    /** Phase 2 begins after the remaining starts and the heap measurement, with room to spare. */
    private static long planPhase2(int started, int n, long phase1Start, PrintStream progress) {
        double perSecond = started == 0 ? 1_000 : started / Math.max(0.001, (System.nanoTime() - phase1Start) / 1e9);
        long remainingMillis = (long) ((n - started) / perSecond * 1000);
        // The instances still to start, their settling into the wait and the heap measurement at N
        // (several full GCs) all come before phase 2: a late start would count their time as latency.
        long lead = 3 * remainingMillis + (n >= FIRST_HEAP_AT ? 45_000 : n >= 10_000 ? 15_000 : 2_000);
        long t0 = System.currentTimeMillis() + lead;
        progress.printf("phase 2 planned %.1f s from now%n", lead / 1000.0);
        return t0;
    }

    private static List<Thread> sendSignals(SagaEngine engine, SagaClient separate, SagaId[] targets, WakeRecorder recorder,
                                            int half, long t0Millis, double periodMicros, long stopAtMillis) {
        AtomicInteger next = new AtomicInteger();
        long t0Micros = t0Millis * 1000;
        List<Thread> senders = new ArrayList<>();
        // Several senders, so one slow round trip to the store does not hold back the next signal's send time.
        for (int s = 0; s < 8; s++) {
            senders.add(Thread.ofPlatform().name("signal-sender-" + s).start(() -> {
                // Signals not sent by the end of the drain are not sent: they count as not woken.
                for (int k = next.getAndIncrement(); k < half && System.currentTimeMillis() < stopAtMillis;
                     k = next.getAndIncrement()) {
                    long sendAt = t0Micros + (long) ((2 * k + 1) * periodMicros);
                    long wait = sendAt - nowMicros();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait * 1000);
                    }
                    int slot = half + k;
                    recorder.sendStartMicros.set(slot, nowMicros());
                    if (separate != null) {
                        separate.signal(targets[k], SIGNAL, new Go(slot), "go-" + slot);
                    } else {
                        engine.signal(targets[k], SIGNAL, new Go(slot), "go-" + slot);
                    }
                    recorder.readyMicros.set(slot, nowMicros());
                }
            }));
        }
        return senders;
    }

    private static WaitingReport report(String storeName, WaitingOptions options, int n, double startSeconds,
                                        int firstHeapAt, double heapAtFirst, double heapAtN, long heldAtFirst, long heldAtN,
                                        WakeRecorder recorder, int half, long t0Millis, long lateMillis) {
        Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram timers = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram signals = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram signalCalls = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        int woke = 0;
        int sent = 0;
        long lastWoke = 0;
        for (int slot = 0; slot < 2 * half; slot++) {
            long wokeAt = recorder.wokeMicros.get(slot);
            long ready = recorder.readyMicros.get(slot);
            if (slot >= half && ready > 0) {
                sent++;
                signalCalls.recordValue(Math.min(ready - recorder.sendStartMicros.get(slot), signalCalls.getHighestTrackableValue()));
            }
            if (wokeAt == 0) {
                continue;
            }
            woke++;
            lastWoke = Math.max(lastWoke, wokeAt);
            // A signal's next step may begin before its sender has the call's return: that is 0 late.
            long latency = Math.min(Math.max(0, wokeAt - ready), all.getHighestTrackableValue());
            all.recordValue(latency);
            (slot < half ? timers : signals).recordValue(latency);
        }
        double window = Math.max(0.001, (lastWoke - t0Millis * 1000) / 1e6);
        return new WaitingReport(storeName, n, n / startSeconds, firstHeapAt, heapAtFirst, heapAtN, heldAtFirst, heldAtN,
                2 * half, woke, recorder.unplanned.get(), options.wakeupsPerSecond(), woke / window, lateMillis,
                millis(all.getValueAtPercentile(50)), millis(all.getValueAtPercentile(90)),
                millis(all.getValueAtPercentile(99)), millis(all.getMaxValue()),
                millis(timers.getValueAtPercentile(50)), millis(timers.getValueAtPercentile(99)),
                millis(signals.getValueAtPercentile(50)), millis(signals.getValueAtPercentile(99)),
                millis(signalCalls.getValueAtPercentile(50)), millis(signalCalls.getValueAtPercentile(99)),
                options.separateClient(), sent);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /**
     * Waits until no start is in flight and every started instance waits, as the store counts them
     * (and, where it can be read, the engine holds none in memory).
     */
    private static void awaitAllWaiting(SagaEngine engine, int started, Semaphore room, int permits, PrintStream progress)
            throws InterruptedException {
        room.acquire(permits);
        room.release(permits);
        long since = System.nanoTime();
        while (true) {
            long waiting = engine.countByState(NAME).getOrDefault(SagaState.WAITING, 0L);
            long held = heldInMemory(engine);
            if (waiting >= started && held <= 0) {
                return;
            }
            if (System.nanoTime() - since > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("after 10 minutes only " + waiting + " of " + started + " instances wait ("
                        + engine.countByState(NAME) + "), " + describeHeld(held) + " held in memory");
            }
            progress.printf("%,d of %,d started wait; %s held in memory%n", waiting, started, describeHeld(held));
            Thread.sleep(started < FIRST_HEAP_AT ? 100 : 1_000);
        }
    }

    /** Used heap in MB once several full collections have run. */
    static double heapAfterFullGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used / (1024.0 * 1024.0);
    }

    /**
     * How many instances the node holds in memory. The engine does not publish the figure, so it is
     * read from its runner by reflection; -1 when that is not possible.
     */
    static long heldInMemory(SagaEngine engine) {
        try {
            Field field = SagaEngine.class.getDeclaredField("runner");
            field.setAccessible(true);
            Object runner = field.get(engine);
            Method count = runner.getClass().getMethod("activeCount");
            return ((Number) count.invoke(runner)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static String describeHeld(long held) {
        return held < 0 ? "?" : String.format("%,d", held);
    }
}
