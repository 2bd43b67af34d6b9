package dev.sagaflow.examples.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What each simulated worker does with each task, attempt by attempt, drawn from the seed, the task
 * and the worker alone. An attempt's number is the engine's (a retry after a crash runs under the same
 * number as the attempt the crash cut short), so a re-run after a crash follows the same plan, and the
 * plan alone says which worker's answer a task keeps, whether it escalates and whether it fails.
 */
public final class WorkPlan {
    /** Attempts a worker gets (its step's retry policy). */
    public static final int WORKER_ATTEMPTS = 3;
    /** Attempts the escalation gets. */
    public static final int ESCALATION_ATTEMPTS = 3;
    /** The three small workers, in branch order, and the larger one the fallback escalates to. */
    public static final List<String> WORKERS = List.of("nano", "mini", "small");
    public static final String ESCALATION = "large";

    /** How an attempt ends. */
    public enum Kind {
        /** the worker was unreachable or rate-limited: nothing charged, retried */
        TRANSIENT,
        /** the worker answered, but not usefully: charged, caught by the validator, retried */
        INVALID,
        /** a usable answer: charged, scored */
        OK,
        /** the worker refuses the task for good (the escalation only): nothing charged, not retried */
        REFUSED;

        /** Whether the worker produced output, and so charged for it. */
        public boolean charged() {
            return this == INVALID || this == OK;
        }
    }

    /** One planned attempt. */
    public record Attempt(int number, Kind kind, long latencyMillis, int tokens) {
    }

    /**
     * One worker's plan for one task: its attempts in order (it stops at the first OK or when they are
     * spent), and the score of its answer. Scores are thousandths, distinct across a task's workers,
     * so the best is never a tie.
     */
    public record WorkerPlan(String worker, List<Attempt> attempts, double score) {
        /** The attempt with this number (1-based); past the plan (never, unless retries were added) the last one again. */
        public Attempt attempt(int number) {
            return attempts.get(Math.min(number, attempts.size()) - 1);
        }

        /** Whether an attempt ends OK: otherwise the worker's child saga fails. */
        public boolean answers() {
            return attempts.getLast().kind() == Kind.OK;
        }

        /** Attempts that charged (produced output, valid or not). */
        public List<Attempt> charged() {
            return attempts.stream().filter(a -> a.kind().charged()).toList();
        }
    }

    /** How a task ends. */
    public enum Fate { BEST_OF_3, ESCALATED, FAILED }

    /** A task's expected end: its fate, and the worker whose answer it keeps ({@code large} when escalated). */
    public record Choice(Fate fate, String worker, Double score) {
    }

    private static final double[] SCORE_FLOOR = {0.35, 0.45, 0.55};
    private static final double[] SCORE_SPAN = {0.45, 0.43, 0.40};
    private static final long[] LATENCY_FLOOR = {15, 30, 60};
    private static final long[] LATENCY_SPAN = {40, 80, 120};
    private static final double[] GIVE_UP = {0.10, 0.07, 0.05};
    private static final double ESCALATION_REFUSES = 0.15;

    private final long seed;
    private final double threshold;

    public WorkPlan(long seed, double threshold) {
        this.seed = seed;
        this.threshold = threshold;
    }

    public long seed() {
        return seed;
    }

    public double threshold() {
        return threshold;
    }

    public static String taskId(int n) {
        return "task-" + n;
    }

    /** The task number of {@code task-N}, or -1. */
    public static int taskNumber(String id) {
        if (id == null || !id.startsWith("task-")) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring(5));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private SplittableRandom random(int task, int who) {
        return new SplittableRandom(seed * 1_000_003L + task * 8L + who);
    }

    public WorkerPlan worker(int task, String worker) {
        int w = WORKERS.indexOf(worker);
        if (w < 0) {
            throw new IllegalArgumentException("no worker " + worker);
        }
        SplittableRandom random = random(task, w);
        boolean givesUp = random.nextDouble() < GIVE_UP[w];
        int failures = givesUp ? WORKER_ATTEMPTS : pick(random, 0.70, 0.20);
        List<Attempt> attempts = new ArrayList<>();
        for (int a = 1; a <= failures; a++) {
            Kind kind = random.nextBoolean() ? Kind.TRANSIENT : Kind.INVALID;
            attempts.add(new Attempt(a, kind, latency(random, w), kind == Kind.INVALID ? tokens(random, w) : 0));
        }
        if (!givesUp) {
            attempts.add(new Attempt(failures + 1, Kind.OK, latency(random, w), tokens(random, w)));
        }
        // Thousandths congruent to the worker's index modulo 3: no two workers of a task score alike.
        int thousandths = (int) Math.round((SCORE_FLOOR[w] + random.nextDouble() * SCORE_SPAN[w]) * 1000);
        thousandths = thousandths - Math.floorMod(thousandths, 3) + w;
        return new WorkerPlan(worker, List.copyOf(attempts), thousandths / 1000.0);
    }

    /** The larger worker's plan: slower and better; sometimes a transient error first; rarely a refusal. */
    public WorkerPlan escalation(int task) {
        SplittableRandom random = random(task, 7);
        List<Attempt> attempts = new ArrayList<>();
        if (random.nextDouble() < ESCALATION_REFUSES) {
            attempts.add(new Attempt(1, Kind.REFUSED, 200 + random.nextLong(200), 0));
        } else {
            int failures = pick(random, 0.75, 0.20);
            for (int a = 1; a <= failures; a++) {
                attempts.add(new Attempt(a, Kind.TRANSIENT, 100 + random.nextLong(200), 0));
            }
            attempts.add(new Attempt(failures + 1, Kind.OK, 300 + random.nextLong(400), 2_000 + random.nextInt(3_000)));
        }
        return new WorkerPlan(ESCALATION, List.copyOf(attempts), (850 + random.nextInt(150)) / 1000.0);
    }

    /** What the task should end with, from the plan alone. */
    public Choice choice(int task) {
        WorkerPlan best = null;
        for (String worker : WORKERS) {
            WorkerPlan p = worker(task, worker);
            if (p.answers() && p.score() >= threshold && (best == null || p.score() > best.score())) {
                best = p;
            }
        }
        if (best != null) {
            return new Choice(Fate.BEST_OF_3, best.worker(), best.score());
        }
        WorkerPlan large = escalation(task);
        return large.answers() ? new Choice(Fate.ESCALATED, ESCALATION, large.score()) : new Choice(Fate.FAILED, null, null);
    }

    /** 0 with probability {@code zero}, 1 with {@code one}, else 2: failures before an answer. */
    private static int pick(SplittableRandom random, double zero, double one) {
        double d = random.nextDouble();
        return d < zero ? 0 : d < zero + one ? 1 : 2;
    }

    private static long latency(SplittableRandom random, int w) {
        return LATENCY_FLOOR[w] + random.nextLong(LATENCY_SPAN[w]);
    }

    private static int tokens(SplittableRandom random, int w) {
        return 200 + random.nextInt(300 * (w + 1));
    }
}
