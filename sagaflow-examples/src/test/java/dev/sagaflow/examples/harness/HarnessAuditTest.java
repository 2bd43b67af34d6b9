package dev.sagaflow.examples.harness;

import dev.sagaflow.SagaState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker can fail: a real ledger written as the saga would for every task of the plan is
 * consistent, and each kind of fault planted in it (or in the store's answer) is counted.
 */
class HarnessAuditTest {
    private static final int TASKS = 60;

    @TempDir
    Path dir;

    final WorkPlan plan = new WorkPlan(11, 0.7);
    final Map<String, TaskOutcome> outcomes = new HashMap<>();
    WorkerLedger ledger;

    @BeforeEach
    void everyTaskAsPlanned() {
        ledger = new WorkerLedger(dir.resolve("ledger.db"));
        for (int n = 1; n <= TASKS; n++) {
            WorkPlan.Choice choice = plan.choice(n);
            String task = WorkPlan.taskId(n);
            ledger.open(task);
            for (String worker : WorkPlan.WORKERS) {
                WorkPlan.WorkerPlan p = plan.worker(n, worker);
                String key = key(n, worker);
                p.charged().forEach(a -> ledger.charge(key, a.number(), task, worker, a.tokens()));
                if (!worker.equals(choice.worker())) {
                    ledger.refund(key);
                }
            }
            if (choice.fate() != WorkPlan.Fate.BEST_OF_3) {
                String key = "saga-" + n + "/ask-workers.fallback";
                plan.escalation(n).charged().forEach(a -> ledger.charge(key, a.number(), task, WorkPlan.ESCALATION, a.tokens()));
            }
            if (choice.fate() == WorkPlan.Fate.FAILED) {
                ledger.abandon(task);
                outcomes.put(task, new TaskOutcome(SagaState.FAILED, null, 0));
            } else {
                ledger.deliver("saga-" + n + "/deliver-answer", Task.of(n).answered("text", choice.score(), choice.worker()));
                outcomes.put(task, new TaskOutcome(SagaState.COMPLETED, choice.worker(), choice.score()));
            }
        }
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static String key(int n, String worker) {
        return "saga-" + n + "/1/" + WorkPlan.WORKERS.indexOf(worker) + "/answer";
    }

    HarnessAudit.Result audit() {
        return HarnessAudit.audit(plan, TASKS, outcomes, ledger.read());
    }

    int first(WorkPlan.Fate fate) {
        return first(n -> plan.choice(n).fate() == fate);
    }

    int first(Predicate<Integer> which) {
        return IntStream.rangeClosed(1, TASKS).boxed().filter(which).findFirst().orElseThrow();
    }

    void assertOneInconsistent(String task, String why) {
        HarnessAudit.Result result = audit();
        assertThat(result.report().inconsistent()).as(result.problems().toString()).isEqualTo(1);
        assertThat(result.problems()).singleElement().asString().startsWith(task).contains(why);
    }

    @Test
    void tasksAsPlannedAreAllConsistentAndEveryPathIsTaken() {
        HarnessAudit.Result result = audit();
        assertThat(result.problems()).isEmpty();
        HarnessReport r = result.report();
        assertThat(r.pending()).isZero();
        assertThat(r.bestOf3() + r.escalated() + r.failed()).isEqualTo(TASKS);
        assertThat(new int[] {r.bestOf3(), r.escalated(), r.failed()}).as("the seed takes every path").doesNotContain(0);
        assertThat(r.refunded()).isPositive();
        assertThat(r.exitCode()).isZero();
        assertThat(r.toJson()).startsWith("{\"tasks\":60,\"best_of_3\":").contains("\"pending\":0,\"inconsistent\":0");
    }

    @Test
    void anAnswerRemovedIsInconsistent() {
        int n = first(WorkPlan.Fate.BEST_OF_3);
        ledger.plant("DELETE FROM answer WHERE task = ?", WorkPlan.taskId(n));
        assertOneInconsistent(WorkPlan.taskId(n), "completed, but no answer was delivered");
    }

    @Test
    void aRefundDoubledIsInconsistent() {
        int n = first(k -> plan.choice(k).fate() == WorkPlan.Fate.BEST_OF_3
                && WorkPlan.WORKERS.stream().anyMatch(w -> !w.equals(plan.choice(k).worker()) && !plan.worker(k, w).charged().isEmpty()));
        String discarded = WorkPlan.WORKERS.stream().filter(w -> !w.equals(plan.choice(n).worker())
                && !plan.worker(n, w).charged().isEmpty()).findFirst().orElseThrow();
        int attempt = plan.worker(n, discarded).charged().getFirst().number();
        ledger.plant("INSERT INTO refund (charge_key, tokens) VALUES (?, 1)", key(n, discarded) + "#" + attempt);
        assertOneInconsistent(WorkPlan.taskId(n), discarded + "'s attempt " + attempt + " refunded 2 times, owed 1");
    }

    @Test
    void aDiscardedResultNotRefundedIsInconsistent() {
        int n = first(WorkPlan.Fate.ESCALATED);
        String worker = WorkPlan.WORKERS.stream().filter(w -> !plan.worker(n, w).charged().isEmpty()).findFirst().orElseThrow();
        ledger.plant("DELETE FROM refund WHERE charge_key LIKE ?", key(n, worker) + "#%");
        assertOneInconsistent(WorkPlan.taskId(n), "refunded 0 times, owed 1");
    }

    @Test
    void theKeptAnswerRefundedIsInconsistent() {
        int n = first(WorkPlan.Fate.BEST_OF_3);
        ledger.refund(key(n, plan.choice(n).worker()));
        assertOneInconsistent(WorkPlan.taskId(n), "refunded 1 times, owed 0 (its answer was kept)");
    }

    @Test
    void aFailedTaskWithAnAnswerIsInconsistent() {
        int n = first(WorkPlan.Fate.FAILED);
        ledger.plant("INSERT INTO answer VALUES (?, 'k', 'large', 0.9)", WorkPlan.taskId(n));
        assertOneInconsistent(WorkPlan.taskId(n), "failed, yet the ledger holds an answer by large");
    }

    @Test
    void aChoiceOtherThanThePlansIsInconsistent() {
        int n = first(WorkPlan.Fate.BEST_OF_3);
        String other = WorkPlan.WORKERS.stream().filter(w -> !w.equals(plan.choice(n).worker())).findFirst().orElseThrow();
        outcomes.put(WorkPlan.taskId(n), new TaskOutcome(SagaState.COMPLETED, other, 0.5));
        assertOneInconsistent(WorkPlan.taskId(n), "the plan says BEST_OF_3 by " + plan.choice(n).worker());
    }

    @Test
    void aMissingChargeItsRefundLeftBehindAndALedgerEntryForAStrangerAreInconsistent() {
        int n = first(k -> !plan.worker(k, "mini").charged().isEmpty() && !"mini".equals(plan.choice(k).worker()));
        ledger.plant("DELETE FROM charge WHERE step_key = ?", key(n, "mini"));
        ledger.charge("saga-x/1/0/answer", 1, "task-" + (TASKS + 1), "nano", 10);
        HarnessAudit.Result result = audit();
        assertThat(result.report().inconsistent()).as(result.problems().toString()).isEqualTo(3);
        assertThat(String.join("\n", result.problems())).contains("mini charged attempts []")
                .contains("refund of " + key(n, "mini") + "#")
                .contains("task-" + (TASKS + 1) + ": not one of task-1..task-" + TASKS);
    }

    @Test
    void aTaskStillRunningIsPendingAndFailsTheExitStatus() {
        outcomes.put(WorkPlan.taskId(3), new TaskOutcome(SagaState.RUNNING, null, 0));
        outcomes.remove(WorkPlan.taskId(4));
        HarnessReport report = audit().report();
        assertThat(report.pending()).isEqualTo(2);
        assertThat(report.inconsistent()).isZero();
        assertThat(report.exitCode()).isEqualTo(1);
    }
}
