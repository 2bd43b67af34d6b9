package dev.sagaflow.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A schedule that cannot work is refused when it is made, naming the field and why. */
class ScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static void refused(Runnable make, String field, String... mentions) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(InvalidScheduleException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(field);
            for (String mention : mentions) {
                assertThat(e.getMessage()).contains(mention);
            }
        });
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        refused(() -> Schedule.cron(" ", "* * * * * ?", PARIS), "name", "blank");
        refused(() -> Schedule.cron(null, "* * * * * ?", PARIS), "name");
        refused(() -> Schedule.cron("x".repeat(101), "* * * * * ?", PARIS), "name", "100");
    }

    @Test
    void aCronThatIsNotQuartzWithSecondsIsRefusedSayingWhy() {
        refused(() -> Schedule.cron("nightly", "0 0 25 * * ?", PARIS), "cron", "'0 0 25 * * ?'", "25");
        refused(() -> Schedule.cron("nightly", "0 2 * * *", PARIS), "cron", "'0 2 * * *'", "5 parts");
        refused(() -> Schedule.cron("nightly", "every night", PARIS), "cron", "'every night'");
        refused(() -> Schedule.cron("nightly", "0 0 2 * * *", PARIS), "cron", "day-of-week");
        refused(() -> Schedule.cron("nightly", " ", PARIS), "cron", "blank");
    }

    @Test
    void anUnknownOrMissingZoneIsRefused() {
        refused(() -> Schedule.cron("nightly", "0 0 2 * * ?", "Mars/Olympus_Mons"), "zone", "Mars/Olympus_Mons");
        refused(() -> Schedule.cron("nightly", "0 0 2 * * ?", "+25:00"), "zone", "+25:00");
        refused(() -> Schedule.cron("nightly", "0 0 2 * * ?", (ZoneId) null), "zone");
        assertThat(Schedule.cron("nightly", "0 0 2 * * ?", "Europe/Paris").starts("report", t -> t).zone()).isEqualTo(PARIS);
    }

    @Test
    void whatItStartsMustBeNamedAndMade() {
        Schedule.Timing timing = Schedule.cron("nightly", "0 0 2 * * ?", PARIS);
        refused(() -> timing.starts(" ", t -> t), "saga", "blank");
        refused(() -> timing.starts("report", null), "data");
        Schedule schedule = timing.starts("report", t -> t);
        refused(() -> schedule.onMissedTicks(null), "missedTicks");
        refused(() -> schedule.missedAfter(Duration.ofSeconds(-1)), "missedAfter", "PT-1S");
        refused(() -> schedule.missedAfter(null), "missedAfter");
    }

    @Test
    void aValidScheduleKeepsWhatItWasGivenAndKeysEachTick() {
        Schedule schedule = Schedule.cron("nightly", "0 0 2 * * ?", PARIS).starts("report", tick -> tick.toLocalDate())
                .onMissedTicks(MissedTicks.RUN_ONCE).missedAfter(Duration.ofMinutes(5));
        assertThat(schedule.name()).isEqualTo("nightly");
        assertThat(schedule.cronExpression()).isEqualTo("0 0 2 * * ?");
        assertThat(schedule.sagaName()).isEqualTo("report");
        assertThat(schedule.missedTicks()).isEqualTo(MissedTicks.RUN_ONCE);
        assertThat(schedule.missedAfter()).isEqualTo(Duration.ofMinutes(5));
        Instant tick = Instant.parse("2026-12-01T01:00:00Z");
        assertThat(schedule.dataFor(tick)).hasToString("2026-12-01");
        assertThat(schedule.idempotencyKey(tick)).isEqualTo("schedule:nightly:2026-12-01T01:00:00Z");
        assertThat(Schedule.cron("utc", "*/5 * * * * ?", ZoneOffset.UTC).starts("report", t -> t).missedTicks())
                .as("default").isEqualTo(MissedTicks.SKIP);
    }
}
