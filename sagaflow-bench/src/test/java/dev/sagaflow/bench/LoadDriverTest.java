package dev.sagaflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver's bookkeeping, not its speed: timing belongs in docs/benchmarks.md, never in a test. */
class LoadDriverTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void everySagaIsCountedAndOneInTenIsCompensated() throws Exception {
        for (String store : new String[] {"memory", "sqlite"}) {
            BenchReport report = LoadDriver.run(new BenchOptions(store, dir, 2_000, 200, 0), QUIET);

            assertThat(report.completed() + report.compensated()).as(store).isEqualTo(2_000);
            assertThat(report.compensated()).as(store).isEqualTo(200);
            assertThat(report.commits()).as(store).isPositive();
            JsonNode json = new ObjectMapper().readTree(report.toJson());
            assertThat(json.get("sagas_per_s").asDouble()).isPositive();
            assertThat(json.get("step_p99_ms").asDouble()).isGreaterThanOrEqualTo(json.get("step_p50_ms").asDouble());
            assertThat(json.get("store").asText()).isEqualTo(store);
        }
    }

    @Test
    void aFixedRateRunStartsEverySaga() throws Exception {
        BenchReport report = LoadDriver.run(new BenchOptions("memory", dir, 300, 100, 1_000), QUIET);
        assertThat(report.completed() + report.compensated()).isEqualTo(300);
        assertThat(report.seconds()).as("300 arrivals at 1,000/s take about 0.3 s").isGreaterThan(0.25);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> new BenchOptions("oracle", dir, 10, 1, 0)).hasMessageContaining("--store").hasMessageContaining("oracle");
        assertThatThrownBy(() -> new BenchOptions("memory", dir, 0, 1, 0)).hasMessageContaining("--sagas");
        assertThatThrownBy(() -> new BenchOptions("memory", dir, 10, 0, 0)).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> new BenchOptions("memory", dir, 10, 1, -5)).hasMessageContaining("--rate");
    }
}
