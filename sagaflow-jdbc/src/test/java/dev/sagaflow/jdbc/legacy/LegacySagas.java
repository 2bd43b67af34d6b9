package dev.sagaflow.jdbc.legacy;

import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.StepContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sagas of the legacy database fixture ({@code legacy/sagaflow-0.1-inflight.db}): written by
 * {@link LegacyDatabaseGenerator} with the engine of release 0.1, and run to their end by
 * {@code LegacyDatabaseMigrationTest} with whatever engine the checkout has. Both must register
 * these definitions: same names, versions and steps, since the stored rows refer to them by name,
 * version and step position.
 *
 * <p>What a step does is decided by the static {@link #generating} switch and the instance's data:
 * while generating, {@link LegacyData#plan()} says per step (and per compensation, as
 * {@code "undo:" + step}) whether its call blocks (until the process is killed), fails, fails once
 * and then blocks, or succeeds; when not generating (the test), every call succeeds. Bodies are
 * deterministic and every call that takes effect is recorded in {@link #LEDGER}.
 */
public final class LegacySagas {
    private LegacySagas() {
    }

    /** (a) Two compensatable steps, the pivot, a retriable step. */
    public static final String ORDER = "legacy-order";
    /** (b) A step whose retry policy leaves instances WAITING for a retry due seconds later. */
    public static final String RETRY = "legacy-retry";
    /** (c) A step that always fails (while generating) and compensations that keep failing: COMPENSATION_STALLED. */
    public static final String STALL = "legacy-stall";
    /** (d) A saga with a deadline of a few seconds. */
    public static final String DEADLINE = "legacy-deadline";
    /** A local step, then a remote step whose reply never comes. */
    public static final String REMOTE = "legacy-remote";

    public static final String REMOTE_CHANNEL = "legacy.payments";
    public static final String CHARGE_COMMAND = "LegacyCharge";
    public static final String REFUND_COMMAND = "LegacyRefund";
    public static final Duration DEADLINE_DURATION = Duration.ofSeconds(3);

    /** Plan values: what a call does while generating. Absent: it succeeds. */
    public static final String BLOCK = "block";
    public static final String FAIL = "fail";
    public static final String FAIL_THEN_BLOCK = "fail-then-block";

    /** True only in the generator's child process: calls follow the plan. In the test, every call succeeds. */
    public static volatile boolean generating;

    /**
     * The data of every legacy saga.
     *
     * @param label what the instance was made to show (for the README and failure messages)
     * @param plan  step name (or {@code "undo:" + step} for its compensation) to {@link #BLOCK},
     *              {@link #FAIL} or {@link #FAIL_THEN_BLOCK}; only read while generating
     * @param trail the steps whose action took effect, in order: the data changes with every step
     */
    public record LegacyData(String label, Map<String, String> plan, List<String> trail) {
        public LegacyData {
            plan = Map.copyOf(plan);
            trail = List.copyOf(trail);
        }

        public static LegacyData of(String label, Map<String, String> plan) {
            return new LegacyData(label, plan, List.of());
        }

        LegacyData after(String step) {
            List<String> more = new ArrayList<>(trail);
            more.add(step);
            return new LegacyData(label, plan, more);
        }
    }

    /** A call that took effect. */
    public enum Kind { ACTION, COMPENSATION }

    public record Effect(long seq, String sagaId, String step, Kind kind) {
    }

    /** Every call that took effect in this JVM, in order. */
    public static final Ledger LEDGER = new Ledger();

    public static final class Ledger {
        private final AtomicLong seq = new AtomicLong();
        private final ConcurrentLinkedQueue<Effect> effects = new ConcurrentLinkedQueue<>();

        public void record(String sagaId, String step, Kind kind) {
            effects.add(new Effect(seq.incrementAndGet(), sagaId, step, kind));
        }

        public List<Effect> effects() {
            return List.copyOf(effects);
        }

        public void clear() {
            effects.clear();
        }
    }

    /** Thrown by a call planned to fail. */
    public static final class PlannedFailure extends Exception {
        public PlannedFailure(String message) {
            super(message);
        }
    }

    /** The definitions, as both the generator and the test register them. */
    public static List<SagaDefinition<?>> definitions() {
        return List.of(order(), retry(), stall(), deadline(), remote());
    }

    public static SagaDefinition<LegacyData> definition(String name) {
        return definitions().stream().filter(d -> d.name().equals(name)).findFirst()
                .map(d -> {
                    @SuppressWarnings("unchecked")
                    SagaDefinition<LegacyData> typed = (SagaDefinition<LegacyData>) d;
                    return typed;
                })
                .orElseThrow(() -> new IllegalArgumentException("no legacy saga " + name));
    }

    static SagaDefinition<LegacyData> order() {
        return Saga.define(ORDER, LegacyData.class)
                .flagAfter(3)
                .step("reserve").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .step("charge").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .pivot("ship").invoke(LegacySagas::act)
                .retriable("notify").invoke(LegacySagas::act)
                .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(200))
                        .maxDelay(Duration.ofSeconds(2)).jitter(0).build())
                .build();
    }

    static SagaDefinition<LegacyData> retry() {
        return Saga.define(RETRY, LegacyData.class)
                .step("prepare").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .step("book").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .retry(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofSeconds(3)).multiplier(1)
                        .jitter(0).build())
                .pivot("confirm").invoke(LegacySagas::act)
                .build();
    }

    static SagaDefinition<LegacyData> stall() {
        return Saga.define(STALL, LegacyData.class)
                .stallAfter(2)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(300)).maxDelay(Duration.ofSeconds(2)).jitter(0).build())
                .step("hold-a").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .step("hold-b").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .step("verify").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .pivot("seal").invoke(LegacySagas::act)
                .build();
    }

    static SagaDefinition<LegacyData> deadline() {
        return Saga.define(DEADLINE, LegacyData.class)
                .deadline(DEADLINE_DURATION)
                .step("quote").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .step("lock").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .retry(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofSeconds(1)).multiplier(1)
                        .jitter(0).build())
                .pivot("commit").invoke(LegacySagas::act)
                .retriable("report").invoke(LegacySagas::act)
                .build();
    }

    /**
     * The remote step's reply never comes: its timeout (8 s, counted from when the command was
     * written) passes, the attempt fails with an unknown outcome, is retried once (a new command,
     * which a test's participant does not answer either) and then compensated by a command that is
     * answered.
     */
    static SagaDefinition<LegacyData> remote() {
        return Saga.define(REMOTE, LegacyData.class)
                .step("hold").invoke(LegacySagas::act).compensateWith(LegacySagas::undo)
                .step("charge-remote")
                .sendCommand(REMOTE_CHANNEL, CHARGE_COMMAND, d -> Map.of("label", d.label()))
                .compensateWithCommand(REMOTE_CHANNEL, REFUND_COMMAND, d -> Map.of("label", d.label()))
                .timeout(remoteReplyTimeout())
                .retry(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(100)).jitter(0).build())
                .pivot("finish").invoke(LegacySagas::act)
                .build();
    }

    /** Long enough for the generator to be killed while waiting; short in the test, whose retry also goes unanswered. */
    private static Duration remoteReplyTimeout() {
        return generating ? Duration.ofSeconds(8) : Duration.ofSeconds(1);
    }

    private static LegacyData act(LegacyData data, StepContext ctx) throws Exception {
        follow(data.plan().get(ctx.stepName()), ctx);
        LEDGER.record(ctx.sagaId().value(), ctx.stepName(), Kind.ACTION);
        return data.after(ctx.stepName());
    }

    private static void undo(LegacyData data, StepContext ctx) throws Exception {
        follow(data.plan().get("undo:" + ctx.stepName()), ctx);
        LEDGER.record(ctx.sagaId().value(), ctx.stepName(), Kind.COMPENSATION);
    }

    private static void follow(String planned, StepContext ctx) throws Exception {
        if (!generating || planned == null) {
            return;
        }
        switch (planned) {
            case BLOCK -> blockWhileGenerating();
            case FAIL -> {
                if (ctx.stepName().equals("verify")) {
                    throw new NonRetryableStepException("planned: " + ctx.stepName() + " fails for good");
                }
                throw new PlannedFailure("planned: " + ctx.stepName() + " attempt " + ctx.attempt() + " fails");
            }
            case FAIL_THEN_BLOCK -> {
                if (ctx.attempt() == 1) {
                    throw new PlannedFailure("planned: " + ctx.stepName() + " attempt 1 fails");
                }
                blockWhileGenerating();
            }
            default -> throw new IllegalArgumentException("unknown plan '" + planned + "' for " + ctx.stepName());
        }
    }

    /** A call under way when the generator is killed: it never returns in that process. */
    private static void blockWhileGenerating() throws InterruptedException {
        while (generating) {
            Thread.sleep(1_000);
        }
    }
}
