package dev.sagaflow.examples.approval;

import dev.sagaflow.examples.orders.Ledger;
import dev.sagaflow.SagaState;
import dev.sagaflow.examples.orders.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker can fail: each kind of fault, planted in a real budget ledger or in the store's answer, is counted. */
class ApprovalAuditTest {
    private static final int REQUESTS = 40;
    private static final long DUE = 1_000_000L;

    @TempDir
    Path dir;

    final ApprovalPlan plan = new ApprovalPlan(11, 100);
    final Map<String, RequestOutcome> outcomes = new HashMap<>();
    BudgetLedger ledger;

    @BeforeEach
    void everyRequestAsPlanned() {
        ledger = new BudgetLedger(dir.resolve("budget.db"), Faults.none(), Duration.ZERO);
        for (int n = 1; n <= REQUESTS; n++) {
            ApprovalPlan.Step step = plan.step(n);
            PurchaseRequest r = plan.request(n);
            String role = step.role();
            Map<String, Integer> received = role == null ? Map.of() : Map.of(step.waitStep(), 1);
            ApprovalPlan.Fate fate = step.answer().fate();
            String decision = fate == ApprovalPlan.Fate.TIMED_OUT ? null
                    : step.answer().approves() ? PurchaseRequest.APPROVED : PurchaseRequest.REJECTED;
            outcomes.put(r.id(), new RequestOutcome(fate == ApprovalPlan.Fate.APPROVED ? SagaState.COMPLETED : SagaState.FAILED,
                    decision, role, step.escalates() ? DUE : null, step.answer() == ApprovalPlan.Answer.NOBODY ? DUE : null,
                    received, Map.of()));
            ledger.register(key(r, "register-request"), r);
            ledger.reserve(key(r, "reserve-budget"), r);
            if (fate == ApprovalPlan.Fate.APPROVED) {
                ledger.placeOrder(key(r, "place-order"), r);
            } else {
                ledger.release(key(r, "reserve-budget"), r);
                ledger.notifyRequester(key(r, "register-request"), r, PurchaseRequestSaga.noticeFor(r));
            }
        }
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static String key(PurchaseRequest r, String step) {
        return "saga-of-" + r.id() + "/" + step;
    }

    ApprovalAudit.Result audit() {
        return ApprovalAudit.audit(plan, REQUESTS, outcomes, ledger.effectsByRequest(), ledger.budgetDiscrepancy());
    }

    int first(Predicate<ApprovalPlan.Step> which) {
        return IntStream.rangeClosed(1, REQUESTS).filter(n -> which.test(plan.step(n))).findFirst().orElseThrow();
    }

    @Test
    void requestsAsPlannedAreAllConsistent() {
        ApprovalAudit.Result result = audit();
        assertThat(result.problems()).isEmpty();
        assertThat(result.report().inconsistent()).isZero();
        assertThat(result.report().pending()).isZero();
        assertThat(result.report().approved() + result.report().rejected() + result.report().timedOut()).isEqualTo(REQUESTS);
        assertThat(result.report().escalated()).isPositive();
        assertThat(result.report().timedOut()).isPositive();
    }

    @Test
    void anOrderForARejectedRequestIsCounted() {
        PurchaseRequest r = plan.request(first(s -> s.answer().fate() == ApprovalPlan.Fate.REJECTED));
        ledger.placeOrder(key(r, "place-order"), r);
        assertOneProblem(r.id(), "ordered 1 times");
    }

    @Test
    void aMissingReleaseIsCounted() {
        PurchaseRequest r = plan.request(first(s -> s.answer().fate() == ApprovalPlan.Fate.TIMED_OUT));
        ledger.inTransaction(c -> Ledger.update(c, "UPDATE reservation SET status = 'HELD' WHERE request_id = ?", r.id()));
        ledger.inTransaction(c -> Ledger.update(c, "UPDATE budget SET available = available - ?", r.amountCents()));
        assertOneProblem(r.id(), "reservations held 1, released 0");
    }

    @Test
    void aDoubleReservationIsCounted() {
        PurchaseRequest r = plan.request(first(s -> s.answer().fate() == ApprovalPlan.Fate.APPROVED));
        ledger.reserve(key(r, "reserve-budget") + "-again", r);
        assertOneProblem(r.id(), "reservations held 2");
    }

    @Test
    void aMissingNoticeIsCounted() {
        PurchaseRequest r = plan.request(first(s -> s.answer().fate() == ApprovalPlan.Fate.REJECTED));
        ledger.inTransaction(c -> Ledger.update(c, "DELETE FROM notice WHERE request_id = ?", r.id()));
        assertOneProblem(r.id(), "notified 0 times");
    }

    @Test
    void aDecisionAppliedTwiceIsCounted() {
        int n = first(s -> s.answer().byManager());
        RequestOutcome o = outcomes.get(ApprovalPlan.id(n));
        outcomes.put(ApprovalPlan.id(n), new RequestOutcome(o.state(), o.decision(), o.decidedBy(), null, null,
                Map.of(PurchaseRequestSaga.MANAGER_STEP, 2), Map.of()));
        assertOneProblem(ApprovalPlan.id(n), "took 2 signals");
    }

    @Test
    void aFateOtherThanThePlannedOneIsCounted() {
        int n = first(s -> s.answer() == ApprovalPlan.Answer.MANAGER_REJECTS);
        RequestOutcome o = outcomes.get(ApprovalPlan.id(n));
        outcomes.put(ApprovalPlan.id(n), new RequestOutcome(o.state(), PurchaseRequest.APPROVED, "manager", null, null,
                o.received(), Map.of()));
        assertThat(audit().report().inconsistent()).isEqualTo(1);
    }

    @Test
    void anAnswerDeliveredInTimeButNeverTakenIsCountedAndALateOneIsNot() {
        int n = first(s -> s.answer() == ApprovalPlan.Answer.DIRECTOR_APPROVES);
        ApprovalPlan.Step step = plan.step(n);
        String id = step.signalIds().getFirst();
        // The director's wait timed out: the request was turned down for want of an answer.
        PurchaseRequest r = plan.request(n);
        ledger.inTransaction(c -> Ledger.update(c, "DELETE FROM purchase_order WHERE request_id = ?", r.id()));
        ledger.release(key(r, "reserve-budget"), r);
        ledger.notifyRequester(key(r, "register-request"), r, "no answer");

        outcomes.put(r.id(), new RequestOutcome(SagaState.FAILED, null, null, DUE, DUE, Map.of(), Map.of(id, DUE + 5)));
        ApprovalAudit.Result late = audit();
        assertThat(late.problems()).isEmpty();
        assertThat(late.late()).isEqualTo(1);

        outcomes.put(r.id(), new RequestOutcome(SagaState.FAILED, null, null, DUE, DUE, Map.of(), Map.of(id, DUE - 5)));
        assertOneProblem(r.id(), "delivered before its wait's due time and never taken");
    }

    @Test
    void aRequestThatHasNotEndedIsPendingNotJudged() {
        int n = first(s -> true);
        outcomes.put(ApprovalPlan.id(n), new RequestOutcome(SagaState.WAITING, null, null, null, null, Map.of(), Map.of()));
        ApprovalReport report = audit().report();
        assertThat(report.pending()).isEqualTo(1);
        assertThat(report.inconsistent()).isZero();
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void effectsForARequestOutsideThePlanAndABudgetThatDoesNotAddUpAreCounted() {
        PurchaseRequest stranger = new PurchaseRequest("req-" + (REQUESTS + 1), "x", 500, null, null);
        ledger.reserve("saga-of-stranger/reserve-budget", stranger);
        ledger.inTransaction(c -> Ledger.update(c, "UPDATE budget SET available = available - 7"));
        ApprovalAudit.Result result = audit();
        assertThat(result.report().inconsistent()).as(result.problems().toString()).isEqualTo(2);
        assertThat(result.problems()).anyMatch(p -> p.startsWith(stranger.id() + ": not one of"))
                .anyMatch(p -> p.contains("off by 7 cents"));
    }

    private void assertOneProblem(String requestId, String saying) {
        ApprovalAudit.Result result = audit();
        assertThat(result.report().inconsistent()).as(result.problems().toString()).isEqualTo(1);
        assertThat(result.problems()).singleElement().asString().startsWith(requestId + " ").contains(saying);
    }
}
