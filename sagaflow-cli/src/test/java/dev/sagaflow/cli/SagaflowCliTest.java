package dev.sagaflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SagaflowCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private JsonNode lastLineOfOutput() throws Exception {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).isNotEmpty();
        return new ObjectMapper().readTree(lines.getLast());
    }

    @Test
    void theDemoPrintsItsReportAsTheLastLineAndExitsZeroWhenAllIsConsistent() throws Exception {
        int status = SagaflowCli.run("demo", "--dir", dir.toString(), "--orders", "40", "--failure-rate", "0.25");

        JsonNode report = lastLineOfOutput();
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.get("orders").asInt()).isEqualTo(40);
        assertThat(report.get("completed").asInt() + report.get("compensated").asInt()).isEqualTo(40);
        assertThat(report.get("pending").asInt()).isZero();
        assertThat(report.get("inconsistent").asInt()).isZero();
    }

    @Test
    void theBenchPrintsTheFiguresAsTheLastLine() throws Exception {
        int status = SagaflowCli.run("bench", "--store", "memory", "--sagas", "500");

        JsonNode report = lastLineOfOutput();
        assertThat(status).isZero();
        assertThat(report.has("sagas_per_s")).isTrue();
        assertThat(report.has("step_p50_ms")).isTrue();
        assertThat(report.has("step_p99_ms")).isTrue();
    }

    @Test
    void theBenchWithTracingRecordsASpanForEveryAttemptAndEveryRun() throws Exception {
        int status = SagaflowCli.run("bench", "--store", "memory", "--sagas", "500", "--tracing");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lastLineOfOutput().get("sagas").asInt()).isEqualTo(500);
        // 100 warm-up sagas and 500 measured; 9 in 10 run 4 steps, 1 in 10 fails at the third and
        // compensates two: 5 or 6 spans with the run's own.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tracing: " + String.format("%,d", 540 * 5 + 60 * 6)
                + " spans exported");
    }

    @Test
    void theWaitingBenchPrintsItsFiguresAsTheLastLine() throws Exception {
        int status = SagaflowCli.run("bench", "--workload", "waiting", "--store", "memory", "--instances", "300",
                "--wakeups-per-second", "40", "--wake-seconds", "2");

        JsonNode report = lastLineOfOutput();
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.get("workload").asText()).isEqualTo("waiting");
        assertThat(report.get("instances").asInt()).isEqualTo(300);
        assertThat(report.get("woke").asInt()).isEqualTo(80);
        assertThat(report.has("heap_mb_at_100k")).isTrue();
        assertThat(report.has("heap_mb_at_n")).isTrue();
        assertThat(report.has("wake_p99_ms")).isTrue();
    }

    @Test
    void badInputNamesTheOptionAndTheProblem() {
        assertThat(SagaflowCli.run("demo", "--dir", dir.toString(), "--orders", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--orders").contains("0");

        err.reset();
        assertThat(SagaflowCli.run("bench", "--store", "oracle")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--store").contains("oracle");

        err.reset();
        assertThat(SagaflowCli.run("demo", "--orders", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dir");

        err.reset();
        assertThat(SagaflowCli.run("demo", "--dir", dir.toString(), "--timeout", "soon")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--timeout").contains("'soon' is not a duration");
    }

    @Test
    void aFileGivenAsTheDemoFolderIsRefusedWithoutTouchingIt() throws Exception {
        Path file = dir.resolve("orders.txt");
        java.nio.file.Files.writeString(file, "keep me");

        assertThat(SagaflowCli.run("demo", "--dir", file.toString(), "--orders", "3")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dir").contains("is a file")
                .doesNotContain("Exception");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void shortDurationsAreUnderstood() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(converter.convert("5m")).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(converter.convert("250ms")).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(converter.convert("PT1H")).isEqualTo(java.time.Duration.ofHours(1));
    }
}
