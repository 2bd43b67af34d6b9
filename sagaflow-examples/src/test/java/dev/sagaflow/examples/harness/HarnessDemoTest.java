package dev.sagaflow.examples.harness;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.jdbc.SqliteSagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo end to end on one node: every task ends as the plan says, the ledger agrees, the history shows the harness. */
class HarnessDemoTest {
    private static final int TASKS = 60;

    @TempDir
    Path dir;

    @Test
    void everyTaskEndsAsThePlanSaysAndTheLedgerAgrees() throws Exception {
        HarnessOptions options = new HarnessOptions(dir, TASKS, 0.7, 5, Duration.ofMinutes(2), true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HarnessAudit.Result result = HarnessDemo.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(result.problems()).as(printed).isEmpty();
        HarnessReport report = result.report();
        assertThat(report.pending()).isZero();
        assertThat(report.inconsistent()).isZero();
        assertThat(report.bestOf3() + report.escalated() + report.failed()).isEqualTo(TASKS);
        WorkPlan plan = new WorkPlan(5, 0.7);
        int[] planned = new int[3];
        for (int n = 1; n <= TASKS; n++) {
            planned[plan.choice(n).fate().ordinal()]++;
        }
        assertThat(new int[] {report.bestOf3(), report.escalated(), report.failed()}).containsExactly(planned);
        assertThat(planned).as("the seed exercises every path").doesNotContain(0);
        assertThat(printed).contains("task-1 ").contains("best_of_3").contains("escalated");

        // Running it again on the same folder starts nothing new and reports the same.
        HarnessAudit.Result again = HarnessDemo.run(options, new PrintStream(new ByteArrayOutputStream()));
        assertThat(again.report()).isEqualTo(report);
    }

    @Test
    void theHistoryKeepsEachAttemptsMetadataAndTheValidatorsMessage() throws Exception {
        HarnessOptions options = new HarnessOptions(dir, 20, 0.7, 5, Duration.ofMinutes(2), false);
        HarnessDemo.run(options, new PrintStream(new ByteArrayOutputStream()));

        WorkPlan plan = new WorkPlan(5, 0.7);
        try (SqliteSagaStore store = SqliteSagaStore.open(options.store());
             SagaClient client = SagaClient.builder(store).register(TaskSaga.forClient()).build()) {
            boolean sawInvalid = false;
            for (String worker : WorkPlan.WORKERS) {
                List<SagaInstance> children = client.list(SagaQuery.all().withSagaName(TaskSaga.workerSaga(worker)).page(0, 100));
                assertThat(children).as("one child saga per task for " + worker).hasSize(20);
                for (SagaInstance child : children) {
                    for (HistoryEvent e : client.get(child.id()).history()) {
                        if (e.type() == HistoryEventType.STEP_SUCCEEDED || e.type() == HistoryEventType.STEP_FAILED) {
                            assertThat(e.metadata()).as(e.toString()).contains("\"worker\":\"" + worker + "\"")
                                    .contains("\"latency_ms\"");
                        }
                        if (e.type() == HistoryEventType.STEP_FAILED && e.detail().contains("invalid output")) {
                            sawInvalid = true;
                            assertThat(e.detail()).contains("empty answer from " + worker);
                            assertThat(e.metadata()).contains("\"tokens\"").contains("\"outcome\":\"invalid\"");
                        }
                        if (e.type() == HistoryEventType.STEP_SUCCEEDED) {
                            assertThat(e.metadata()).contains("\"score\"").contains("\"tokens\"");
                        }
                    }
                }
            }
            assertThat(sawInvalid).as("some worker answered uselessly and was caught").isTrue();
            assertThat(plan.choice(1)).isNotNull();
        }
    }
}
