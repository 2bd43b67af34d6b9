package dev.sagaflow.examples.orders;

import dev.sagaflow.jdbc.SqliteSagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFulfilmentDemoTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private DemoReport run(int orders, double failureRate) throws Exception {
        return OrderFulfilmentDemo.run(new DemoOptions(dir, orders, failureRate, Duration.ofMinutes(1), 0),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyOrderEndsConsistentAndTheShareThatFailsIsCompensated() throws Exception {
        DemoReport report = run(400, 0.3);

        assertThat(report.pending()).isZero();
        assertThat(report.inconsistent()).isZero();
        assertThat(report.completed() + report.compensated()).isEqualTo(400);
        long meantToFail = java.util.stream.IntStream.rangeClosed(1, 400)
                .filter(n -> new OrderBook(0.3).fate(n) != OrderBook.Fate.COMPLETES).count();
        assertThat(report.compensated()).as("transient faults do not change outcomes").isEqualTo((int) meantToFail);
        assertThat(meantToFail).isBetween(80L, 160L);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("orders started").contains("checking every order");
    }

    @Test
    void aSecondRunOnTheSameFolderStartsNothingNewAndReportsTheSame() throws Exception {
        DemoReport first = run(150, 0.2);
        DemoReport second = run(150, 0.2);

        assertThat(second).isEqualTo(first);
        try (SqliteSagaStore store = SqliteSagaStore.open(dir.resolve("sagas.db"))) {
            assertThat(store.countByState(OrderFulfilmentSaga.NAME).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(150);
        }
    }

    @Test
    void theReportIsOneJsonLineAndExitsZeroOnlyWhenAllIsSettled() {
        DemoReport ok = new DemoReport(2000, 1800, 200, 0, 0);
        assertThat(ok.toJson()).isEqualTo("{\"orders\":2000,\"completed\":1800,\"compensated\":200,\"pending\":0,\"inconsistent\":0}");
        assertThat(ok.exitCode()).isZero();
        assertThat(new DemoReport(10, 9, 0, 1, 0).exitCode()).isEqualTo(1);
        assertThat(new DemoReport(10, 9, 0, 0, 1).exitCode()).isEqualTo(1);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> new DemoOptions(dir, 0, 0.1, Duration.ofMinutes(1), 0)).hasMessageContaining("--orders");
        assertThatThrownBy(() -> new DemoOptions(dir, 5, 1.5, Duration.ofMinutes(1), 0)).hasMessageContaining("--failure-rate");
        assertThatThrownBy(() -> new DemoOptions(dir, 5, Double.NaN, Duration.ofMinutes(1), 0)).hasMessageContaining("--failure-rate");
        assertThatThrownBy(() -> new DemoOptions(dir, 5, 0.1, Duration.ZERO, 0)).hasMessageContaining("--timeout");
        assertThatThrownBy(() -> new DemoOptions(null, 5, 0.1, Duration.ofMinutes(1), 0)).hasMessageContaining("--dir");
        assertThatThrownBy(() -> new DemoOptions(dir, 5, 0.1, Duration.ofMinutes(1), -1)).hasMessageContaining("--step-delay-ms");
    }
}
