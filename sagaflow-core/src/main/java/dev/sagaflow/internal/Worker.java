package dev.sagaflow.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A background loop on a platform daemon thread of its own. Every poller, relay, committer and
 * consumer of Sagaflow runs on one, so that wake-ups, backoff and shutdown are written and tested
 * once. The loop runs its {@link Round} one round at a time; each round says what comes next
 * ({@link Next}).
 *
 * <ul>
 *   <li><b>Wake-ups</b> ({@link #wakeUp()}, {@link #wakeAt(long)}) cut a park short, from any thread.
 *   One is never lost: a wake-up that comes while a round runs makes the park after that round
 *   return at once, so a round always follows it.</li>
 *   <li><b>Failures</b>: whatever a round throws, {@link Error}s included, is logged once per streak
 *   of failures (with the worker's name; again when it works) and followed by a backoff that doubles
 *   up to a cap and starts over after a success. Errors too, because a loop that dies leaves its node
 *   silently doing nothing (no claims, no commits), while a JVM truly out of memory loses nothing by
 *   trying again. Wake-ups do not cut a backoff short: they come with every commit and would turn it
 *   into a busy loop against a failing store; only a stop does.</li>
 *   <li><b>Stop</b> ({@link #stop}) ends the park or backoff at once, lets the round under way end
 *   (interrupting it if asked), waits for the thread within a bound, and may be called any number of
 *   times.</li>
 * </ul>
 */
public final class Worker {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final long NO_WAKE_UP = Long.MAX_VALUE;

    /** One round of the loop's work; returns when to run the next. */
    @FunctionalInterface
    public interface Round {
        Next run() throws Exception;
    }

    /** What a round says comes next. */
    public sealed interface Next {
        /** There is more to do: run the next round at once. */
        Next AGAIN = new Again();
        /** Nothing to do: park for the worker's idle interval, or until woken. */
        Next IDLE = new Idle();

        /** Park until {@code millis} on the worker's clock, or until woken. */
        static Next at(long millis) {
            return new At(millis);
        }

        record Again() implements Next {
        }

        record Idle() implements Next {
        }

        record At(long millis) implements Next {
        }
    }

    private final String name;
    private final String doing;
    private final Round round;
    private final Clock clock;
    private final long idleMillis;
    private final Backoff backoff;
    private final boolean finishesWorkOnStop;
    private final Runnable cutShort;
    private final Runnable onExit;
    private final Thread thread;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicLong wakeAt = new AtomicLong(NO_WAKE_UP);
    private boolean started;
    private volatile boolean stopping;
    private volatile boolean interrupting;

    private Worker(Builder b) {
        this.name = b.name;
        this.doing = b.doing;
        this.round = b.round;
        this.clock = b.clock;
        this.idleMillis = b.idle.toMillis();
        this.backoff = new Backoff(b.firstBackoff, b.maxBackoff);
        this.finishesWorkOnStop = b.finishesWorkOnStop;
        this.cutShort = b.cutShort;
        this.onExit = b.onExit;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
    }

    /**
     * @param name  the thread's name, also in the logs
     * @param doing what a round does, for the logs ("claiming due sagas")
     */
    public static Builder builder(String name, String doing, Round round) {
        return new Builder(name, doing, round);
    }

    /** Starts the thread; later calls, and a call after {@link #stop}, do nothing. */
    public synchronized Worker start() {
        if (!started && !stopping) {
            started = true;
            thread.start();
        }
        return this;
    }

    public String name() {
        return name;
    }

    /** Runs a round as soon as the one under way (if any) ends. */
    public void wakeUp() {
        if (!woken.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Runs a round at {@code millis} on the worker's clock at the latest. Not a schedule: only the
     * earliest time asked for is kept, and the round it brings answers every wake-up asked for until
     * then; a round that still has something later to do says so in its {@link Next}.
     */
    public void wakeAt(long millis) {
        if (millis < wakeAt.getAndAccumulate(millis, Math::min)) {
            LockSupport.unpark(thread);
        }
    }

    /** As {@link #stop(Duration, boolean)}, without interrupting. */
    public boolean stop(Duration wait) {
        return stop(wait, false);
    }

    /**
     * Stops the loop: no round starts after the one under way (a worker that
     * {@linkplain Builder#finishesWorkOnStop() finishes its work} goes on until a round finds nothing
     * to do, or it is interrupted), a park or backoff ends at once, and the round under way is cut short
     * as the builder says. Waits at most {@code wait} for the thread to end. Safe to call again, for
     * instance with {@code interrupt} once a first wait ran out.
     *
     * @param interrupt also interrupt the thread, for a round blocked in an interruptible call
     * @return whether the thread has ended (or never started)
     */
    public boolean stop(Duration wait, boolean interrupt) {
        boolean first;
        synchronized (this) {
            first = !stopping;
            stopping = true;
            if (interrupt) {
                interrupting = true;
            }
        }
        LockSupport.unpark(thread);
        if (first && cutShort != null) {
            try {
                cutShort.run();
            } catch (RuntimeException e) {
                log.debug("{}: cutting its round short on stop failed: {}", name, e.toString());
            }
        }
        if (interrupt) {
            thread.interrupt();
        }
        if (Thread.currentThread() == thread) {
            return false; // stopped from its own round: the loop ends when the round returns
        }
        try {
            long millis = wait.toMillis();
            if (millis > 0) {
                thread.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private boolean ended() {
        return stopping && (!finishesWorkOnStop || interrupting);
    }

    private void loop() {
        try {
            while (!ended()) {
                dropStrayInterrupt();
                takeWakeUps();
                Next next;
                try {
                    next = round.run();
                } catch (Throwable failure) {
                    if (ended()) {
                        log.debug("{}: {} ended by the stop: {}", name, doing, failure.toString());
                        return;
                    }
                    pause(failed(failure));
                    continue;
                }
                succeeded();
                if (stopping && !(next instanceof Next.Again)) {
                    return; // finishing its work on stop, and nothing is left to do
                }
                park(next);
            }
        } finally {
            runOnExit();
        }
    }

    /** Every wake-up asked for until now is answered by the round about to run. */
    private void takeWakeUps() {
        woken.set(false);
        long now = clock.millis();
        wakeAt.accumulateAndGet(now, (at, n) -> at <= n ? NO_WAKE_UP : at);
    }

    private void park(Next next) {
        long untilMillis = switch (next) {
            case Next.Again again -> Long.MIN_VALUE;
            case Next.Idle idle -> clock.millis() + idleMillis;
            case Next.At at -> at.millis();
        };
        if (untilMillis == Long.MIN_VALUE) {
            return;
        }
        // The deadline runs on nanoTime: a clock set back, or one a test holds still, must not park forever.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, untilMillis - clock.millis()));
        while (!stopping && !woken.get()) {
            long now = clock.millis();
            long hinted = wakeAt.get();
            if (hinted <= now) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (hinted != NO_WAKE_UP) {
                left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(hinted - now));
            }
            if (left <= 0) {
                return;
            }
            parkNanos(left);
        }
    }

    /** Waits out a backoff; only a stop ends it early, never a wake-up. */
    private void pause(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (!ended() && (left = deadline - System.nanoTime()) > 0) {
            parkNanos(left);
        }
    }

    private void parkNanos(long nanos) {
        LockSupport.parkNanos(this, nanos);
        dropStrayInterrupt();
    }

    /** An interrupt that is not a stop's would make every later park return at once: a busy loop. */
    private void dropStrayInterrupt() {
        if (Thread.interrupted() && interrupting) {
            Thread.currentThread().interrupt();
        }
    }

    private long failed(Throwable failure) {
        long wait = backoff.failed();
        if (backoff.failuresInARow() > 1) {
            log.debug("{}: {} failed again; retrying in {} ms: {}", name, doing, wait, failure.toString());
        } else if (failure instanceof Error) {
            log.error("{}: {} failed; retrying in {} ms, then less often (up to every {} ms) while it keeps failing",
                    name, doing, wait, backoff.maxMillis(), failure);
        } else {
            log.warn("{}: {} failed; retrying in {} ms, then less often (up to every {} ms) while it keeps failing: {}",
                    name, doing, wait, backoff.maxMillis(), failure.toString());
        }
        return wait;
    }

    private void succeeded() {
        int failures = backoff.succeeded();
        if (failures > 0) {
            log.info("{}: {} works again after {} failure(s) in a row", name, doing, failures);
        }
    }

    private void runOnExit() {
        if (onExit == null) {
            return;
        }
        try {
            onExit.run();
        } catch (RuntimeException e) {
            log.warn("{}: cleaning up after its loop failed: {}", name, e.toString());
        }
    }

    /**
     * How long to wait after failures in a row: {@code first}, doubling, at most {@code max}; back to
     * {@code first} after a success. Only arithmetic: the worker does the waiting, so that a stop can
     * cut it short.
     */
    static final class Backoff {
        private final long firstMillis;
        private final long maxMillis;
        private long millis;
        private int failuresInARow;

        Backoff(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff must be 0 < first <= max; was " + first + ", " + max);
            }
            this.firstMillis = first.toMillis();
            this.maxMillis = max.toMillis();
        }

        /** One more failure in a row; returns how long to wait before the next attempt. */
        long failed() {
            failuresInARow++;
            millis = millis == 0 ? firstMillis : Math.min(millis * 2, maxMillis);
            return millis;
        }

        /** Ends a streak of failures; returns how long it was (0: there was none). */
        int succeeded() {
            int streak = failuresInARow;
            failuresInARow = 0;
            millis = 0;
            return streak;
        }

        int failuresInARow() {
            return failuresInARow;
        }

        long maxMillis() {
            return maxMillis;
        }
    }

    /** Options of a worker; each setter documents its default. */
    public static final class Builder {
        private final String name;
        private final String doing;
        private final Round round;
        private Clock clock = Clock.systemUTC();
        private Duration idle = Duration.ofSeconds(1);
        private Duration firstBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private boolean finishesWorkOnStop;
        private Runnable cutShort;
        private Runnable onExit;

        private Builder(String name, String doing, Round round) {
            this.name = Objects.requireNonNull(name, "name");
            this.doing = Objects.requireNonNull(doing, "doing");
            this.round = Objects.requireNonNull(round, "round");
        }

        /** The clock of {@link Next#at} and {@link #wakeAt}. Default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The park after a round that returned {@link Next#IDLE}. Default 1 s. */
        public Builder idle(Duration idle) {
            if (idle.isNegative()) {
                throw new IllegalArgumentException("idle must not be negative; was " + idle);
            }
            this.idle = idle;
            return this;
        }

        /** The wait after a first failure, doubled after each further one up to {@code max}. Default 100 ms to 5 s. */
        public Builder backoff(Duration first, Duration max) {
            this.firstBackoff = first;
            this.maxBackoff = max;
            return this;
        }

        /**
         * After a stop, rounds go on until one has nothing to do (returns anything but
         * {@link Next#AGAIN}) or the stop interrupts: for a loop that owes its callers an answer for
         * what they queued, as the committer does.
         */
        public Builder finishesWorkOnStop() {
            this.finishesWorkOnStop = true;
            return this;
        }

        /** What a stop runs, once, to end a call the round is blocked in (a consumer's wakeup, closing a connection). */
        public Builder cutShortBy(Runnable cutShort) {
            this.cutShort = cutShort;
            return this;
        }

        /** What the worker's thread runs as the loop ends: for what only that thread may touch. */
        public Builder onExit(Runnable onExit) {
            this.onExit = onExit;
            return this;
        }

        public Worker build() {
            return new Worker(this);
        }
    }
}
