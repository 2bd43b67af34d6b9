package dev.sagaflow.examples.approval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What the simulated approvers do with each request, drawn from the seed and the request number
 * alone, so that a re-run after a crash follows the same plan and sends the same signal ids.
 */
public final class ApprovalPlan {
    /** Who answers, and how; the request's fate follows from it. */
    public enum Answer {
        MANAGER_APPROVES, MANAGER_REJECTS, DIRECTOR_APPROVES, DIRECTOR_REJECTS, NOBODY;

        public boolean byManager() {
            return this == MANAGER_APPROVES || this == MANAGER_REJECTS;
        }

        public boolean byDirector() {
            return this == DIRECTOR_APPROVES || this == DIRECTOR_REJECTS;
        }

        public boolean approves() {
            return this == MANAGER_APPROVES || this == DIRECTOR_APPROVES;
        }

        public Fate fate() {
            return this == NOBODY ? Fate.TIMED_OUT : approves() ? Fate.APPROVED : Fate.REJECTED;
        }
    }

    /** How a request ends. */
    public enum Fate { APPROVED, REJECTED, TIMED_OUT }

    /** How the answer is sent. */
    public enum Delivery {
        /** once, while the saga waits for it */
        ONCE,
        /** right after the saga starts, before it reaches its wait (kept in its inbox) */
        EARLY,
        /** twice with the same signal id: the second is a duplicate */
        TWICE_SAME_ID,
        /** twice with two ids: the second stays in the inbox, nobody awaits it any more */
        TWICE_NEW_ID
    }

    /**
     * One request's plan.
     *
     * @param delayMillis how long after the wait is seen the answer is sent
     */
    public record Step(int request, Answer answer, Delivery delivery, long delayMillis, long amountCents) {

        public String requestId() {
            return id(request);
        }

        /** The role whose signal the plan sends, or {@code null} when nobody answers. */
        public String role() {
            return answer.byManager() ? "manager" : answer.byDirector() ? "director" : null;
        }

        public String signalName() {
            return answer.byManager() ? PurchaseRequestSaga.MANAGER_SIGNAL
                    : answer.byDirector() ? PurchaseRequestSaga.DIRECTOR_SIGNAL : null;
        }

        /** The step that awaits the planned signal. */
        public String waitStep() {
            return answer.byManager() ? PurchaseRequestSaga.MANAGER_STEP
                    : answer.byDirector() ? PurchaseRequestSaga.DIRECTOR_STEP : null;
        }

        public Decision decision() {
            return new Decision(answer.approves(), role(), answer.approves() ? "within budget" : "not this quarter");
        }

        /** The signal ids it sends, in order: the same on every run. */
        public List<String> signalIds() {
            if (role() == null) {
                return List.of();
            }
            String first = requestId() + "/" + role() + "/1";
            return switch (delivery) {
                case ONCE, EARLY -> List.of(first);
                case TWICE_SAME_ID -> List.of(first, first);
                case TWICE_NEW_ID -> List.of(first, requestId() + "/" + role() + "/2");
            };
        }

        public boolean escalates() {
            return !answer.byManager();
        }
    }

    private final long seed;
    private final long maxDelayMillis;

    /**
     * @param maxDelayMillis longest an approver takes to answer once the wait is seen; keep it well
     *                       under the wait's timeout, or planned answers come too late
     */
    public ApprovalPlan(long seed, long maxDelayMillis) {
        this.seed = seed;
        this.maxDelayMillis = Math.max(0, maxDelayMillis);
    }

    public static String id(int request) {
        return "req-" + request;
    }

    public long seed() {
        return seed;
    }

    public Step step(int request) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + request);
        int a = random.nextInt(100);
        Answer answer = a < 30 ? Answer.MANAGER_APPROVES : a < 50 ? Answer.MANAGER_REJECTS
                : a < 70 ? Answer.DIRECTOR_APPROVES : a < 85 ? Answer.DIRECTOR_REJECTS : Answer.NOBODY;
        int d = random.nextInt(100);
        Delivery delivery = d < 20 ? Delivery.EARLY : d < 35 ? Delivery.TWICE_SAME_ID : d < 45 ? Delivery.TWICE_NEW_ID
                : Delivery.ONCE;
        long delay = maxDelayMillis == 0 ? 0 : random.nextLong(maxDelayMillis + 1);
        long amount = 1_000 + random.nextLong(500_000);
        return new Step(request, answer, delivery, delay, amount);
    }

    public PurchaseRequest request(int n) {
        return new PurchaseRequest(id(n), "employee-" + (1 + Math.floorMod(n * 7919L, 97)), step(n).amountCents(), null,
                null);
    }
}
