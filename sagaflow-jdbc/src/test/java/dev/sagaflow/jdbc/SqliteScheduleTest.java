package dev.sagaflow.jdbc;

import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.schedule.MissedTicks;
import dev.sagaflow.schedule.Schedule;
import dev.sagaflow.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A schedule's last tick is in the file: a node that comes back after days starts what its policy says, no more. */
class SqliteScheduleTest {
    record Report(String night) {
    }

    private static final SagaDefinition<Report> REPORT = Saga.define("report", Report.class).step("write").invoke((r, c) -> r).build();
    private static final Schedule NIGHTLY = Schedule.cron("nightly-report", "0 0 2 * * ?", ZoneId.of("Europe/Paris"))
            .starts("report", tick -> new Report(tick.toLocalDate().toString())).onMissedTicks(MissedTicks.RUN_ONCE);

    @TempDir
    Path dir;

    @Test
    void aNodeBackAfterDaysDownStartsTheLatestMissedNightOnceFromTheStoredLastTick() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-01T00:30:00Z"));
        Path file = dir.resolve("sagas.db");
        try (SqliteSagaStore store = SqliteSagaStore.open(file);
             SagaEngine engine = SagaEngine.builder(store).register(REPORT).schedule(NIGHTLY).clock(clock).build()) {
            assertThat(store.schedules().getFirst().lastTick()).isEqualTo(clock.millis());
        }

        clock.set(Instant.parse("2026-12-04T12:00:00Z"));
        try (SqliteSagaStore store = SqliteSagaStore.open(file);
             SagaEngine engine = SagaEngine.builder(store).register(REPORT).schedule(NIGHTLY).clock(clock)
                     .pollInterval(Duration.ofMillis(20)).build()) {
            String key = "schedule:nightly-report:2026-12-04T01:00:00Z";
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.findByIdempotencyKey("report", key).isPresent());
            Thread.sleep(300);
            assertThat(store.countByState("report").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
            SagaInstance started = engine.get(engine.findByIdempotencyKey("report", key).orElseThrow().id());
            assertThat(started.history().getFirst().type()).isEqualTo(HistoryEventType.SAGA_STARTED);
            assertThat(started.history().getFirst().detail()).contains("schedule 'nightly-report'")
                    .contains("2026-12-04T02:00+01:00[Europe/Paris]").contains("missed");
            assertThat(store.schedules().getFirst().lastTick()).isEqualTo(Instant.parse("2026-12-04T01:00:00Z").toEpochMilli());
        }
        try (SqliteSagaStore store = SqliteSagaStore.open(file)) {
            assertThat(Optional.of(store.schedules().getFirst().lastTick()))
                    .contains(Instant.parse("2026-12-04T01:00:00Z").toEpochMilli());
        }
    }
}
