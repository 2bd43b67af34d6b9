package dev.sagaflow.examples.approval;

import dev.sagaflow.examples.orders.Faults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval demo in this JVM, end to end on a SQLite store: every kind of answer, each request as planned. */
class ApprovalDemoTest {
    private static final int REQUESTS = 60;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    ApprovalOptions options() {
        return new ApprovalOptions(dir, REQUESTS, Duration.ofMillis(1200), Duration.ofMillis(1200), SEED,
                Duration.ofMinutes(1), null);
    }

    @Test
    void everyRequestEndsAsTheApproversPlannedAndTheLedgerAgrees() throws Exception {
        ApprovalPlan plan = new ApprovalPlan(SEED, options().maxAnswerDelayMillis());
        Set<ApprovalPlan.Answer> answers = EnumSet.noneOf(ApprovalPlan.Answer.class);
        Set<ApprovalPlan.Delivery> deliveries = EnumSet.noneOf(ApprovalPlan.Delivery.class);
        IntStream.rangeClosed(1, REQUESTS).mapToObj(plan::step).forEach(s -> {
            answers.add(s.answer());
            if (s.role() != null) {
                deliveries.add(s.delivery());
            }
        });
        assertThat(answers).as("the plan has every kind of answer").containsExactlyInAnyOrder(ApprovalPlan.Answer.values());
        assertThat(deliveries).as("and every way of sending one").containsExactlyInAnyOrder(ApprovalPlan.Delivery.values());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApprovalAudit.Result result = ApprovalDemo.run(options(), Faults.transientAt(0.05),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String progress = out.toString(StandardCharsets.UTF_8);
        assertThat(result.problems()).as(progress).isEmpty();
        assertThat(result.late()).as("with the approvers up all along, no answer is late").isZero();
        ApprovalReport report = result.report();
        assertThat(report).isEqualTo(expected(plan));
        assertThat(report.approved()).isPositive();
        assertThat(report.rejected()).isPositive();
        assertThat(report.escalated()).isPositive();
        assertThat(report.timedOut()).isPositive();
        assertThat(report.exitCode()).isZero();
        assertThat(progress).contains("requests started").contains("duplicates absorbed");

        ApprovalAudit.Result again = ApprovalDemo.run(options(), Faults.none(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(again.report()).as("a second run on the same folder starts nothing and changes nothing").isEqualTo(report);
    }

    static ApprovalReport expected(ApprovalPlan plan) {
        int approved = 0;
        int rejected = 0;
        int escalated = 0;
        int timedOut = 0;
        for (int n = 1; n <= REQUESTS; n++) {
            ApprovalPlan.Step s = plan.step(n);
            switch (s.answer().fate()) {
                case APPROVED -> approved++;
                case REJECTED -> rejected++;
                case TIMED_OUT -> timedOut++;
            }
            if (s.escalates()) {
                escalated++;
            }
        }
        return new ApprovalReport(REQUESTS, approved, rejected, escalated, timedOut, 0, 0);
    }
}
