package dev.sagaflow.examples.harness;

import dev.sagaflow.SagaState;
import dev.sagaflow.examples.harness.WorkerLedger.Answer;
import dev.sagaflow.examples.harness.WorkerLedger.Books;
import dev.sagaflow.examples.harness.WorkerLedger.Charge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks every task three ways, independently of the engine's own view: the store's end of it
 * against the plan's choice (the best small worker at or above the threshold, else the larger one,
 * else failed), and both against the ledger read directly. A completed task is answered, with
 * exactly one answer, from the worker the store and the plan name, at the plan's score; a failed task
 * is abandoned and has no answer. Every worker attempt that produced output is charged once, as
 * planned, and every charge of a worker whose result was not kept is refunded exactly once; the kept
 * worker's and the larger worker's charges never are. Any mismatch, and anything in the ledger for a
 * task outside {@code task-1..N}, is inconsistent.
 */
public final class HarnessAudit {
    private HarnessAudit() {
    }

    public record Result(HarnessReport report, List<String> problems) {
    }

    /** @param outcomes by task id, of every task started */
    public static Result audit(WorkPlan plan, int tasks, Map<String, TaskOutcome> outcomes, Books books) {
        Map<String, String> status = new HashMap<>();
        books.tasks().forEach(row -> status.put(row[0], row[1]));
        Map<String, Answer> answers = new HashMap<>();
        books.answers().forEach(a -> answers.put(a.task(), a));
        Map<String, List<Charge>> charges = new HashMap<>();
        books.charges().forEach(c -> charges.computeIfAbsent(c.task(), k -> new ArrayList<>()).add(c));

        List<String> problems = new ArrayList<>();
        int bestOf3 = 0;
        int escalated = 0;
        int failed = 0;
        int pending = 0;
        int inconsistent = 0;
        int refunded = 0;
        for (int n = 1; n <= tasks; n++) {
            String id = WorkPlan.taskId(n);
            TaskOutcome outcome = outcomes.get(id);
            if (outcome == null || !outcome.state().isTerminal()) {
                pending++;
                continue;
            }
            WorkPlan.Choice expected = plan.choice(n);
            List<String> wrong = new ArrayList<>();
            checkChoice(expected, outcome, wrong);
            checkTaskRow(outcome.state(), status.get(id), wrong);
            checkAnswer(expected, outcome, answers.get(id), wrong);
            int refunds = checkCharges(plan, n, expected, charges.getOrDefault(id, List.of()), wrong);
            if (wrong.isEmpty()) {
                switch (expected.fate()) {
                    case BEST_OF_3 -> bestOf3++;
                    case ESCALATED -> escalated++;
                    case FAILED -> failed++;
                }
                refunded += refunds;
            } else {
                inconsistent++;
                problems.add(id + " (planned " + expected.fate() + " " + Objects.toString(expected.worker(), "") + "): "
                        + String.join("; ", wrong) + " [saga " + outcome.describe() + "]");
            }
        }
        TreeSet<String> strangers = new TreeSet<>(status.keySet());
        strangers.addAll(answers.keySet());
        strangers.addAll(charges.keySet());
        strangers.removeIf(task -> {
            int n = WorkPlan.taskNumber(task);
            return n >= 1 && n <= tasks;
        });
        for (String task : strangers) {
            inconsistent++;
            problems.add(task + ": not one of task-1..task-" + tasks + ", but the ledger holds something for it");
        }
        for (String charge : books.orphanRefunds()) {
            inconsistent++;
            problems.add("refund of " + charge + ", which was never charged");
        }
        return new Result(new HarnessReport(tasks, bestOf3, escalated, failed, pending, inconsistent, refunded), problems);
    }

    private static void checkChoice(WorkPlan.Choice expected, TaskOutcome outcome, List<String> wrong) {
        WorkPlan.Fate fate = outcome.fate();
        if (fate == null) {
            wrong.add("its state and data fit no fate");
        } else if (fate != expected.fate() || !Objects.equals(outcome.answeredBy(), expected.worker())
                && fate != WorkPlan.Fate.FAILED) {
            wrong.add("ended " + fate + (outcome.answeredBy() == null ? "" : " by " + outcome.answeredBy())
                    + ", the plan says " + expected.fate() + (expected.worker() == null ? "" : " by " + expected.worker()));
        }
    }

    private static void checkTaskRow(SagaState state, String status, List<String> wrong) {
        String expected = state == SagaState.COMPLETED ? "ANSWERED" : "ABANDONED";
        if (!expected.equals(status)) {
            wrong.add("ended " + state + ", but the ledger says the task is " + status);
        }
    }

    private static void checkAnswer(WorkPlan.Choice expected, TaskOutcome outcome, Answer answer, List<String> wrong) {
        if (outcome.state() != SagaState.COMPLETED) {
            if (answer != null) {
                wrong.add("failed, yet the ledger holds an answer by " + answer.worker());
            }
            return;
        }
        if (answer == null) {
            wrong.add("completed, but no answer was delivered");
        } else if (!answer.worker().equals(outcome.answeredBy()) || expected.score() == null
                || answer.score() != expected.score()) {
            wrong.add("the answer delivered is " + answer.worker() + "'s at " + answer.score() + ", the saga kept "
                    + outcome.answeredBy() + "'s, the plan scores " + expected.worker() + " at " + expected.score());
        }
    }

    /** Checks the task's charges and refunds against the plan; returns the refunds it saw. */
    private static int checkCharges(WorkPlan plan, int n, WorkPlan.Choice expected, List<Charge> charges,
                                    List<String> wrong) {
        Map<String, TreeMap<Integer, Integer>> seen = new HashMap<>();
        int refunds = 0;
        for (Charge c : charges) {
            seen.computeIfAbsent(c.worker(), w -> new TreeMap<>()).put(c.attempt(), c.refunds());
            refunds += c.refunds();
        }
        List<WorkPlan.WorkerPlan> workers = new ArrayList<>();
        WorkPlan.WORKERS.forEach(w -> workers.add(plan.worker(n, w)));
        if (expected.fate() != WorkPlan.Fate.BEST_OF_3) {
            workers.add(plan.escalation(n));
        }
        for (WorkPlan.WorkerPlan p : workers) {
            TreeMap<Integer, Integer> got = seen.remove(p.worker());
            TreeSet<Integer> plannedAttempts = new TreeSet<>();
            p.charged().forEach(a -> plannedAttempts.add(a.number()));
            TreeSet<Integer> chargedAttempts = got == null ? new TreeSet<>() : new TreeSet<>(got.keySet());
            if (!plannedAttempts.equals(chargedAttempts)) {
                wrong.add(p.worker() + " charged attempts " + chargedAttempts + ", planned " + plannedAttempts);
            }
            boolean kept = p.worker().equals(expected.worker());
            int owed = kept || p.worker().equals(WorkPlan.ESCALATION) ? 0 : 1;
            if (got != null) {
                got.forEach((attempt, refunded) -> {
                    if (refunded != owed) {
                        wrong.add(p.worker() + "'s attempt " + attempt + " refunded " + refunded + " times, owed " + owed
                                + (kept ? " (its answer was kept)" : " (its result was discarded)"));
                    }
                });
            }
        }
        seen.keySet().forEach(w -> wrong.add(w + " charged, but it had no part in this task"));
        return refunds;
    }
}
