package dev.sagaflow.internal;

import dev.sagaflow.internal.Worker.Next;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkerTest {
    static final Duration LONG = Duration.ofHours(1);

    final List<Worker> started = new ArrayList<>();

    Worker start(Worker.Builder builder) {
        Worker worker = builder.build().start();
        started.add(worker);
        return worker;
    }

    @AfterEach
    void stopAll() {
        started.forEach(w -> w.stop(Duration.ofSeconds(5), true));
    }

    @Test
    void aWakeUpThatComesAsTheWorkerParksIsNeverLost() throws Exception {
        Semaphore roundEnded = new Semaphore(0);
        Worker worker = start(Worker.builder("test-wake", "testing", () -> {
            roundEnded.release();
            return Next.IDLE;
        }).idle(LONG));
        assertThat(roundEnded.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20_000; i++) {
            // The round has ended: the worker is on its way to park, or parked. Either way it must run again.
            worker.wakeUp();
            assertThat(roundEnded.tryAcquire(5, TimeUnit.SECONDS)).as("round after wake-up %d", i).isTrue();
        }
    }

    @Test
    void aWakeAtThatComesAsTheWorkerParksIsNeverLost() throws Exception {
        Semaphore roundEnded = new Semaphore(0);
        Worker worker = start(Worker.builder("test-wake-at", "testing", () -> {
            roundEnded.release();
            return Next.at(System.currentTimeMillis() + LONG.toMillis());
        }));
        assertThat(roundEnded.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 20_000; i++) {
            worker.wakeAt(System.currentTimeMillis());
            assertThat(roundEnded.tryAcquire(5, TimeUnit.SECONDS)).as("round after wake-up %d", i).isTrue();
        }
    }

    @Test
    void wakeUpsFromManyThreadsAtOnceAreEachAnsweredByALaterRound() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = start(Worker.builder("test-many", "testing", () -> {
            rounds.incrementAndGet();
            return Next.IDLE;
        }).idle(LONG));
        List<Thread> wakers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            wakers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    int before = rounds.get();
                    worker.wakeUp();
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofNanos(1000))
                            .until(() -> rounds.get() > before);
                }
            }));
        }
        for (Thread waker : wakers) {
            waker.join(60_000);
            assertThat(waker.isAlive()).isFalse();
        }
    }

    @Test
    void wakeAtEndsTheParkAtItsTimeAndTheEarliestWins() throws Exception {
        List<Long> roundsAt = new CopyOnWriteArrayList<>();
        Worker worker = start(Worker.builder("test-timed", "testing", () -> {
            roundsAt.add(System.nanoTime());
            return Next.IDLE;
        }).idle(LONG));
        await().atMost(Duration.ofSeconds(5)).until(() -> roundsAt.size() == 1);
        long asked = System.nanoTime();
        worker.wakeAt(System.currentTimeMillis() + 5_000);
        worker.wakeAt(System.currentTimeMillis() + 300);
        await().atMost(Duration.ofSeconds(4)).until(() -> roundsAt.size() == 2);
        assertThat(TimeUnit.NANOSECONDS.toMillis(roundsAt.get(1) - asked)).isGreaterThanOrEqualTo(290);
    }

    @Test
    void theBackoffDoublesUpToItsCapAndStartsOverAfterASuccess() {
        Worker.Backoff backoff = new Worker.Backoff(Duration.ofMillis(10), Duration.ofMillis(80));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(backoff.failed());
        }
        assertThat(waits).containsExactly(10L, 20L, 40L, 80L, 80L, 80L);
        assertThat(backoff.succeeded()).isEqualTo(6);
        assertThat(backoff.succeeded()).isZero();
        assertThat(backoff.failed()).isEqualTo(10);
    }

    @Test
    void failuresAreRetriedLaterAndLaterAndASuccessStartsTheBackoffOver() {
        List<Long> roundsAt = new CopyOnWriteArrayList<>();
        // Six failures (waits 20, 40, 80, 160, 320, 640 ms), a success, then one failure (wait 20 ms again).
        Worker worker = start(Worker.builder("test-backoff", "testing", () -> {
            roundsAt.add(System.nanoTime());
            int round = roundsAt.size();
            if (round <= 6 || round == 8) {
                throw new IllegalStateException("failure " + round);
            }
            return Next.AGAIN;
        }).backoff(Duration.ofMillis(20), Duration.ofSeconds(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> roundsAt.size() >= 9);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < 9; i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(roundsAt.get(i) - roundsAt.get(i - 1)));
        }
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(20);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(40);
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(80);
        assertThat(gaps.get(3)).isGreaterThanOrEqualTo(160);
        assertThat(gaps.get(4)).isGreaterThanOrEqualTo(320);
        assertThat(gaps.get(5)).isGreaterThanOrEqualTo(640);
        assertThat(gaps.get(7)).as("the wait after the first failure past a success").isBetween(20L, 600L);
        assertThat(worker.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void wakeUpsDoNotCutABackoffShort() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Worker worker = start(Worker.builder("test-backoff-woken", "testing", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the store is down");
        }).backoff(Duration.ofMillis(100), Duration.ofSeconds(5)));
        long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < end) {
            worker.wakeUp();
            worker.wakeAt(0);
            Thread.sleep(1);
        }
        // Waits of 100, 200, 400, 800 ms: at most five attempts in a second, however often it is woken.
        assertThat(attempts.get()).isBetween(2, 5);
    }

    @Test
    void aRoundThatThrowsAnErrorIsLoggedAndBackedOffAndTheLoopGoesOn() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        start(Worker.builder("test-error", "testing", () -> {
            thread.set(Thread.currentThread());
            switch (rounds.incrementAndGet()) {
                case 1 -> throw new StackOverflowError("injected");
                case 2 -> throw new OutOfMemoryError("injected");
                case 3 -> throw new AssertionError("injected");
                case 4 -> throw new Exception("injected, checked");
                default -> {
                    return Next.AGAIN;
                }
            }
        }).backoff(Duration.ofMillis(5), Duration.ofMillis(20)));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() > 10);
        assertThat(thread.get().isAlive()).isTrue();
        assertThat(thread.get().isDaemon()).isTrue();
        assertThat(thread.get().isVirtual()).isFalse();
        assertThat(thread.get().getName()).isEqualTo("test-error");
    }

    @Test
    void stopEndsAParkAtOnceWaitsForTheThreadAndMayBeCalledAgain() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        Worker worker = start(Worker.builder("test-stop", "testing", () -> {
            thread.set(Thread.currentThread());
            rounds.incrementAndGet();
            return Next.IDLE;
        }).idle(LONG));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        long before = System.nanoTime();
        assertThat(worker.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(thread.get().isAlive()).isFalse();
        assertThat(worker.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(worker.stop(Duration.ZERO, true)).isTrue();
        worker.wakeUp();
        worker.start();
        assertThat(rounds.get()).isEqualTo(1);
    }

    @Test
    void aWorkerStoppedBeforeItStartedNeverRuns() {
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = Worker.builder("test-never", "testing", () -> {
            rounds.incrementAndGet();
            return Next.IDLE;
        }).build();
        assertThat(worker.stop(Duration.ofSeconds(1))).isTrue();
        worker.start();
        assertThat(worker.stop(Duration.ofSeconds(1))).isTrue();
        assertThat(rounds.get()).isZero();
    }

    @Test
    void aRoundThatIgnoresTheStopIsWaitedForWithinTheBoundAndEndsWhenInterrupted() throws Exception {
        CountDownLatch inRound = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = start(Worker.builder("test-blocked", "testing", () -> {
            rounds.incrementAndGet();
            inRound.countDown();
            Thread.sleep(LONG.toMillis());
            return Next.AGAIN;
        }));
        assertThat(inRound.await(5, TimeUnit.SECONDS)).isTrue();
        long before = System.nanoTime();
        assertThat(worker.stop(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(worker.stop(Duration.ofSeconds(5), true)).isTrue();
        assertThat(rounds.get()).isEqualTo(1);
    }

    @Test
    void stopCutsABlockingCallShortAndTheThreadCleansUpAfterItself() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch wakeup = new CountDownLatch(1);
        AtomicReference<String> exitedOn = new AtomicReference<>();
        Worker worker = start(Worker.builder("test-cut-short", "testing", () -> {
            blocked.countDown();
            wakeup.await();
            throw new IllegalStateException("woken up: closing"); // as KafkaConsumer.poll throws after wakeup()
        }).cutShortBy(wakeup::countDown).onExit(() -> exitedOn.set(Thread.currentThread().getName())));
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(exitedOn.get()).isEqualTo("test-cut-short");
    }

    @Test
    void aWorkerThatFinishesItsWorkOnStopRunsUntilNothingIsLeft() {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 100; i++) {
            queue.add(i);
        }
        AtomicInteger done = new AtomicInteger();
        Worker worker = start(Worker.builder("test-finish", "testing", () -> {
            if (queue.poll() == null) {
                return Next.IDLE;
            }
            Thread.sleep(2);
            done.incrementAndGet();
            return Next.AGAIN;
        }).finishesWorkOnStop());
        assertThat(worker.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(done.get()).isEqualTo(100);
    }

    @Test
    void aWorkerThatFinishesItsWorkOnStopEndsWhenInterruptedThoughItsWorkKeepsFailing() {
        Worker worker = start(Worker.builder("test-finish-failing", "testing", () -> {
            throw new IllegalStateException("the store is down");
        }).finishesWorkOnStop().backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        assertThat(worker.stop(Duration.ofMillis(300))).isFalse();
        assertThat(worker.stop(Duration.ofSeconds(5), true)).isTrue();
    }
}
