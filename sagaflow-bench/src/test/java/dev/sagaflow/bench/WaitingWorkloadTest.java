package dev.sagaflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The waiting workload's bookkeeping with tiny numbers, not its speed (that is docs/benchmarks.md's). */
class WaitingWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void everyPlannedWakeUpIsMeasuredAndTheRestWait() throws Exception {
        for (boolean separateClient : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WaitingReport report = WaitingWorkload.run(new WaitingOptions("memory", dir, 301, 50, 40, 2, separateClient),
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(report.wakeups()).isEqualTo(80);
            assertThat(report.woke()).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(80);
            assertThat(report.unplannedWakeups()).isZero();
            assertThat(report.heldAtN()).as("no waiting instance held in memory").isZero();
            JsonNode json = new ObjectMapper().readTree(report.toJson());
            assertThat(json.get("workload").asText()).isEqualTo("waiting");
            assertThat(json.get("instances").asInt()).isEqualTo(301);
            assertThat(json.get("heap_mb_at_100k").asDouble()).isPositive();
            assertThat(json.get("heap_mb_at_n").asDouble()).isPositive();
            assertThat(json.get("wake_p99_ms").asDouble()).isGreaterThanOrEqualTo(json.get("wake_p50_ms").asDouble());
            assertThat(json.get("wakeups_per_s").asDouble()).isPositive();
            System.out.println(report.summary());
            System.out.println(report.toJson());
        }
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> new WaitingOptions("oracle", dir, 10, 1, 2, 1, false)).hasMessageContaining("--store");
        assertThatThrownBy(() -> new WaitingOptions("memory", dir, 10, 1, 100, 1, false))
                .hasMessageContaining("--instances").hasMessageContaining("100");
        assertThatThrownBy(() -> new WaitingOptions("memory", dir, 10, 1, 1, 1, false)).hasMessageContaining("--wakeups-per-second");
        assertThatThrownBy(() -> new WaitingOptions("memory", dir, 10, 1, 2, 0, false)).hasMessageContaining("--wake-seconds");
    }
}
