package dev.sagaflow.examples.approval;

import dev.sagaflow.examples.approval.ApprovalPlan.Fate;
import dev.sagaflow.examples.approval.BudgetLedger.Effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks every request three ways: the approvers' plan against what the saga did (the planned
 * decision applied, by the planned role, once; no decision applied that nobody sent), and the fate
 * its state shows against the budget ledger, read directly: approved means registered, reserved once
 * and not released, ordered once, nobody notified; rejected or timed out means registered, the
 * reservation released once, no order, the requester notified once. Any mismatch, and any ledger
 * entry for a request outside {@code req-1..N}, is inconsistent; so is a budget that does not add up.
 *
 * <p>One departure from the plan is allowed, and counted as {@code late}: a planned answer that did
 * not reach the saga before its wait timed out (the approvers were down: a crash, a re-run that came
 * later than the timeout) escalates or times out instead, as it should. It is late only if the store
 * agrees: the planned signal is not in the inbox with a delivery time before the wait's due time.
 * A signal delivered in time and never taken is inconsistent.
 */
public final class ApprovalAudit {
    private ApprovalAudit() {
    }

    /**
     * @param late requests whose planned answer came after their wait had timed out
     */
    public record Result(ApprovalReport report, List<String> problems, int late) {
    }

    /**
     * @param outcomes          by request id, of every request started
     * @param effects           the ledger's entries by request id
     * @param budgetDiscrepancy the ledger's budget against its held reservations, 0 when it adds up
     */
    public static Result audit(ApprovalPlan plan, int requests, Map<String, RequestOutcome> outcomes,
                               Map<String, Effects> effects, long budgetDiscrepancy) {
        List<String> problems = new ArrayList<>();
        int approved = 0;
        int rejected = 0;
        int escalated = 0;
        int timedOut = 0;
        int pending = 0;
        int inconsistent = 0;
        int late = 0;
        for (int n = 1; n <= requests; n++) {
            ApprovalPlan.Step step = plan.step(n);
            RequestOutcome outcome = outcomes.get(step.requestId());
            if (outcome == null || !outcome.state().isTerminal()) {
                pending++;
                continue;
            }
            List<String> wrong = new ArrayList<>();
            boolean wasLate = checkAgainstPlan(step, outcome, wrong);
            Fate fate = outcome.fate();
            if (fate != null) {
                checkLedger(fate, effects.getOrDefault(step.requestId(), Effects.NONE), wrong);
            }
            if (wrong.isEmpty()) {
                switch (fate) {
                    case APPROVED -> approved++;
                    case REJECTED -> rejected++;
                    case TIMED_OUT -> timedOut++;
                }
                if (outcome.managerTimedOut()) {
                    escalated++;
                }
                if (wasLate) {
                    late++;
                }
            } else {
                inconsistent++;
                problems.add(step.requestId() + " (planned " + step.answer() + ", " + step.delivery() + "): "
                        + String.join("; ", wrong) + " [saga " + outcome.state() + ", decision " + outcome.decision()
                        + " by " + outcome.decidedBy() + ", ledger " + effects.getOrDefault(step.requestId(), Effects.NONE)
                        + "]");
            }
        }
        TreeSet<String> strangers = new TreeSet<>(effects.keySet());
        for (int n = 1; n <= requests; n++) {
            strangers.remove(ApprovalPlan.id(n));
        }
        for (String id : strangers) {
            inconsistent++;
            problems.add(id + ": not one of req-1..req-" + requests + ", but the ledger holds " + effects.get(id));
        }
        if (budgetDiscrepancy != 0) {
            inconsistent++;
            problems.add("the budget is off by " + budgetDiscrepancy + " cents against its held reservations");
        }
        return new Result(new ApprovalReport(requests, approved, rejected, escalated, timedOut, pending, inconsistent),
                problems, late);
    }

    /** Adds what does not fit the plan; returns whether the planned answer came too late (and nothing else is wrong with that). */
    private static boolean checkAgainstPlan(ApprovalPlan.Step step, RequestOutcome o, List<String> wrong) {
        for (String wait : RequestOutcome.waitSteps()) {
            if (o.receivedAt(wait) > 1) {
                wrong.add(wait + " took " + o.receivedAt(wait) + " signals");
            }
        }
        int manager = o.receivedAt(PurchaseRequestSaga.MANAGER_STEP);
        int director = o.receivedAt(PurchaseRequestSaga.DIRECTOR_STEP);
        boolean late = false;
        Fate expected;
        if (step.answer().byManager()) {
            if (manager >= 1) {
                expected = step.answer().fate();
                checkDecision(step, o, wrong);
            } else {
                late = checkLate(step, o, o.managerTimedOutAt(), wrong);
                expected = Fate.TIMED_OUT;
            }
            if (director > 0) {
                wrong.add("the director's decision was applied, but no director answered");
            }
        } else if (step.answer().byDirector()) {
            if (manager > 0) {
                wrong.add("a manager's decision was applied, but no manager answered");
            }
            if (!o.managerTimedOut()) {
                wrong.add("the manager's wait did not time out, though no manager answered");
            }
            if (director >= 1) {
                expected = step.answer().fate();
                checkDecision(step, o, wrong);
            } else {
                late = checkLate(step, o, o.directorTimedOutAt(), wrong);
                expected = Fate.TIMED_OUT;
            }
        } else {
            expected = Fate.TIMED_OUT;
            if (manager + director > 0) {
                wrong.add("a decision was applied, but nobody answered");
            }
            if (!o.managerTimedOut() || !o.directorTimedOut()) {
                wrong.add("nobody answered, yet a wait did not time out");
            }
        }
        Fate fate = o.fate();
        if (fate == null) {
            wrong.add("its state and decision fit no fate");
        } else if (fate != expected) {
            wrong.add("ended " + fate + ", expected " + expected);
        }
        return late && wrong.isEmpty();
    }

    private static void checkDecision(ApprovalPlan.Step step, RequestOutcome o, List<String> wrong) {
        String planned = step.answer().approves() ? PurchaseRequest.APPROVED : PurchaseRequest.REJECTED;
        if (!planned.equals(o.decision()) || !step.role().equals(o.decidedBy())) {
            wrong.add("the decision applied is " + o.decision() + " by " + o.decidedBy() + ", the " + step.role()
                    + " sent " + planned);
        }
    }

    /** The planned answer was not taken: only right if its wait timed out before the answer was delivered. */
    private static boolean checkLate(ApprovalPlan.Step step, RequestOutcome o, Long dueAt, List<String> wrong) {
        if (dueAt == null) {
            wrong.add("the " + step.role() + "'s answer was never applied, and its wait did not time out");
            return false;
        }
        for (String id : step.signalIds()) {
            Long deliveredAt = o.unconsumed().get(id);
            if (deliveredAt != null && deliveredAt <= dueAt) {
                wrong.add("signal " + id + " was delivered before its wait's due time and never taken");
                return false;
            }
        }
        return true;
    }

    private static void checkLedger(Fate fate, Effects e, List<String> wrong) {
        if (e.registered() != 1) {
            wrong.add("registered " + e.registered() + " times");
        }
        if (fate == Fate.APPROVED) {
            if (e.held() != 1 || e.released() != 0) {
                wrong.add("approved, but reservations held " + e.held() + ", released " + e.released());
            }
            if (e.ordered() != 1) {
                wrong.add("approved, but ordered " + e.ordered() + " times");
            }
            if (e.notified() != 0) {
                wrong.add("approved, but the requester was told otherwise " + e.notified() + " times");
            }
        } else {
            if (e.held() != 0 || e.released() != 1) {
                wrong.add(fate + ", but reservations held " + e.held() + ", released " + e.released());
            }
            if (e.ordered() != 0) {
                wrong.add(fate + ", but ordered " + e.ordered() + " times");
            }
            if (e.notified() != 1) {
                wrong.add(fate + ", but the requester was notified " + e.notified() + " times");
            }
        }
    }
}
