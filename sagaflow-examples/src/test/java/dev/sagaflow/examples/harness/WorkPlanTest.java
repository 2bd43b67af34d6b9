package dev.sagaflow.examples.harness;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan is the demo's ground truth: drawn from the seed alone, within the retry policies, never a tie. */
class WorkPlanTest {
    final WorkPlan plan = new WorkPlan(1, 0.7);

    @Test
    void theSameSeedPlansTheSameAndAnotherSeedOtherwise() {
        WorkPlan again = new WorkPlan(1, 0.7);
        WorkPlan other = new WorkPlan(2, 0.7);
        int differ = 0;
        for (int n = 1; n <= 200; n++) {
            for (String w : WorkPlan.WORKERS) {
                assertThat(again.worker(n, w)).isEqualTo(plan.worker(n, w));
                differ += other.worker(n, w).equals(plan.worker(n, w)) ? 0 : 1;
            }
            assertThat(again.escalation(n)).isEqualTo(plan.escalation(n));
            assertThat(again.choice(n)).isEqualTo(plan.choice(n));
        }
        assertThat(differ).isGreaterThan(500);
    }

    @Test
    void everyWorkerStaysWithinItsAttemptsAndNoTwoWorkersOfATaskScoreAlike() {
        for (int n = 1; n <= 1_000; n++) {
            Set<Double> scores = new HashSet<>();
            for (String w : WorkPlan.WORKERS) {
                WorkPlan.WorkerPlan p = plan.worker(n, w);
                assertThat(p.attempts()).hasSizeBetween(1, WorkPlan.WORKER_ATTEMPTS);
                assertThat(p.attempts().subList(0, p.attempts().size() - 1))
                        .as("only the last attempt may answer").noneMatch(a -> a.kind() == WorkPlan.Kind.OK);
                assertThat(p.score()).isBetween(0.0, 1.0);
                assertThat(scores.add(p.score())).as("task %d: %s", n, scores).isTrue();
            }
            assertThat(plan.escalation(n).attempts()).hasSizeBetween(1, WorkPlan.ESCALATION_ATTEMPTS);
        }
    }

    @Test
    void theChoiceIsTheBestAnsweringWorkerAtTheThresholdElseTheEscalation() {
        int[] fates = new int[3];
        for (int task = 1; task <= 1_000; task++) {
            int n = task;
            WorkPlan.Choice c = plan.choice(n);
            fates[c.fate().ordinal()]++;
            double best = WorkPlan.WORKERS.stream().map(w -> plan.worker(n, w)).filter(WorkPlan.WorkerPlan::answers)
                    .mapToDouble(WorkPlan.WorkerPlan::score).max().orElse(-1);
            if (best >= 0.7) {
                assertThat(c.fate()).isEqualTo(WorkPlan.Fate.BEST_OF_3);
                assertThat(c.score()).isEqualTo(best);
            } else {
                assertThat(c.fate()).isEqualTo(plan.escalation(n).answers() ? WorkPlan.Fate.ESCALATED : WorkPlan.Fate.FAILED);
            }
        }
        // Mostly the best of three, some escalations, a few failures: every path is exercised.
        assertThat(fates[0]).isBetween(700, 950);
        assertThat(fates[1]).isBetween(50, 250);
        assertThat(fates[2]).isBetween(5, 60);
    }
}
