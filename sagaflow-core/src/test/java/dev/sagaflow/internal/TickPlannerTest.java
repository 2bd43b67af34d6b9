package dev.sagaflow.internal;

import dev.sagaflow.internal.TickPlanner.Decision;
import dev.sagaflow.schedule.MissedTicks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The missed-ticks policy and the ticks of a zone with daylight saving time, from the stored last tick alone. */
class TickPlannerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration GRACE = Duration.ofMinutes(1);
    /** 02:00 in Paris: 01:00Z in winter. */
    private static final CronTicks NIGHTLY = CronTicks.parse("0 0 2 * * ?", PARIS);
    private static final CronTicks EVERY_SECOND = CronTicks.parse("* * * * * ?", PARIS);

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void beforeItsTickAScheduleWaitsForIt() {
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-01T01:00:00Z"), at("2026-12-02T00:59:59.999Z"), MissedTicks.SKIP, GRACE))
                .isEqualTo(new Decision.Wait(at("2026-12-02T01:00:00Z")));
    }

    @Test
    void aTickFoundOnTimeOrLateWithinTheGraceStartsWhateverThePolicy() {
        for (MissedTicks policy : MissedTicks.values()) {
            assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-01T01:00:00Z"), at("2026-12-02T01:00:00Z"), policy, GRACE))
                    .isEqualTo(new Decision.Start(at("2026-12-02T01:00:00Z"), false));
            assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-01T01:00:00Z"), at("2026-12-02T01:01:00Z"), policy, GRACE))
                    .as("a minute late is still on time").isEqualTo(new Decision.Start(at("2026-12-02T01:00:00Z"), false));
        }
    }

    @Test
    void skipPassesOverEveryMissedTickAndThenWaitsForTheNextOne() {
        Instant lastTick = at("2026-12-01T01:00:00Z");
        Instant now = at("2026-12-04T12:00:00Z"); // down from just after the 1st's tick to midday on the 4th

        Decision first = TickPlanner.decide(NIGHTLY, lastTick, now, MissedTicks.SKIP, GRACE);
        assertThat(first).isEqualTo(new Decision.Skip(at("2026-12-04T01:00:00Z")));
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-04T01:00:00Z"), now, MissedTicks.SKIP, GRACE))
                .isEqualTo(new Decision.Wait(at("2026-12-05T01:00:00Z")));
        assertThat(TickPlanner.decide(NIGHTLY, lastTick, at("2026-12-02T01:01:00.001Z"), MissedTicks.SKIP, GRACE))
                .as("a single tick found past the grace is missed").isEqualTo(new Decision.Skip(at("2026-12-02T01:00:00Z")));
    }

    @Test
    void runOnceStartsTheLatestMissedTickOnlyAndThenGoesOnAsUsual() {
        Instant now = at("2026-12-04T12:00:00Z");
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-01T01:00:00Z"), now, MissedTicks.RUN_ONCE, GRACE))
                .isEqualTo(new Decision.Start(at("2026-12-04T01:00:00Z"), true));
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-04T01:00:00Z"), now, MissedTicks.RUN_ONCE, GRACE))
                .isEqualTo(new Decision.Wait(at("2026-12-05T01:00:00Z")));
    }

    @Test
    void missedTicksAreJudgedByTheStoredLastTickNotByWhenTheNodeStarted() {
        // The same moment, two stored last ticks: one schedule is up to date, the other missed a night.
        Instant now = at("2026-12-04T12:00:00Z");
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-04T01:00:00Z"), now, MissedTicks.RUN_ONCE, GRACE))
                .isInstanceOf(Decision.Wait.class);
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-12-03T01:00:00Z"), now, MissedTicks.RUN_ONCE, GRACE))
                .isEqualTo(new Decision.Start(at("2026-12-04T01:00:00Z"), true));
    }

    @Test
    void ticksFoundLateWithinTheGraceAllStartOldestFirst() {
        // A node paused for 3.5 s: each second's tick still starts, none is lost to the pause.
        Instant lastTick = at("2026-12-01T10:00:00Z");
        Instant now = at("2026-12-01T10:00:03.500Z");
        assertThat(plan(EVERY_SECOND, lastTick, now, MissedTicks.SKIP))
                .containsExactly("start 2026-12-01T10:00:01Z", "start 2026-12-01T10:00:02Z", "start 2026-12-01T10:00:03Z",
                        "wait 2026-12-01T10:00:04Z");
    }

    @Test
    void anOutageOfAnEverySecondScheduleStartsOneTickUnderRunOnceAndNoneUnderSkip() {
        Instant lastTick = at("2026-12-01T10:00:00Z");
        Instant now = at("2026-12-01T10:05:00.500Z"); // five minutes down; the last minute's ticks are within the grace
        List<String> runOnce = plan(EVERY_SECOND, lastTick, now, MissedTicks.RUN_ONCE);
        assertThat(runOnce.getFirst()).isEqualTo("missed 2026-12-01T10:04:00Z");
        assertThat(runOnce.get(1)).isEqualTo("start 2026-12-01T10:04:01Z");
        assertThat(runOnce).hasSize(1 + 60 + 1).last().isEqualTo("wait 2026-12-01T10:05:01Z");

        List<String> skip = plan(EVERY_SECOND, lastTick, now, MissedTicks.SKIP);
        assertThat(skip.getFirst()).isEqualTo("skip to 2026-12-01T10:04:00Z");
        assertThat(skip).hasSize(1 + 60 + 1).filteredOn(s -> s.startsWith("start")).hasSize(60)
                .first().isEqualTo("start 2026-12-01T10:04:01Z");
    }

    @Test
    void aScheduleRegisteredMidSecondTicksOnWholeSeconds() {
        // A first registration stores the moment it happened as the last tick: 10:00:00.889.
        Instant registered = at("2026-12-01T10:00:00.889Z");
        assertThat(TickPlanner.decide(EVERY_SECOND, registered, registered, MissedTicks.SKIP, GRACE))
                .isEqualTo(new Decision.Wait(at("2026-12-01T10:00:01Z")));
        assertThat(plan(EVERY_SECOND, registered, at("2026-12-01T10:00:02.100Z"), MissedTicks.SKIP))
                .containsExactly("start 2026-12-01T10:00:01Z", "start 2026-12-01T10:00:02Z", "wait 2026-12-01T10:00:03Z");
        assertThat(plan(EVERY_SECOND, registered, at("2026-12-01T10:02:05.300Z"), MissedTicks.RUN_ONCE).getFirst())
                .as("the latest missed tick, a whole second too").isEqualTo("missed 2026-12-01T10:01:05Z");
        assertThat(EVERY_SECOND.lastBefore(at("2026-12-01T10:00:05.300Z"))).contains(at("2026-12-01T10:00:05Z"));
        assertThat(EVERY_SECOND.lastBefore(at("2026-12-01T10:00:05Z"))).contains(at("2026-12-01T10:00:04Z"));
        assertThat(NIGHTLY.firstAfter(at("2026-12-01T01:00:00.001Z"))).contains(at("2026-12-02T01:00:00Z"));
    }

    @Test
    void ticksFollowTheZonesDaylightSavingTime() {
        CronTicks noon = CronTicks.parse("0 0 12 * * ?", PARIS);
        // Noon in Paris is 11:00Z in winter and 10:00Z in summer; the clocks went forward on 29 March 2026.
        assertThat(ticks(noon, at("2026-03-27T12:00:00Z"), 3))
                .containsExactly(at("2026-03-28T11:00:00Z"), at("2026-03-29T10:00:00Z"), at("2026-03-30T10:00:00Z"));
        // 02:00 does not exist on 29 March: no tick that day (Quartz's rule), the next night as usual.
        assertThat(ticks(NIGHTLY, at("2026-03-27T12:00:00Z"), 3))
                .containsExactly(at("2026-03-28T01:00:00Z"), at("2026-03-30T00:00:00Z"), at("2026-03-31T00:00:00Z"));
        // 02:00 happens twice on 25 October (clocks back at 03:00 CEST): one tick, the first.
        assertThat(ticks(NIGHTLY, at("2026-10-24T12:00:00Z"), 2))
                .containsExactly(at("2026-10-25T00:00:00Z"), at("2026-10-26T01:00:00Z"));
        // An hourly schedule has both 02:00s: they are an hour apart.
        CronTicks hourly = CronTicks.parse("0 0 * * * ?", PARIS);
        assertThat(ticks(hourly, at("2026-10-24T23:30:00Z"), 3))
                .containsExactly(at("2026-10-25T00:00:00Z"), at("2026-10-25T01:00:00Z"), at("2026-10-25T02:00:00Z"));
    }

    @Test
    void aMissedNightAcrossTheClockChangeIsJudgedInTheZone() {
        // Down from the 28th's tick to 12:00Z on the 30th, across the spring-forward night (which has no 02:00).
        assertThat(TickPlanner.decide(NIGHTLY, at("2026-03-28T01:00:00Z"), at("2026-03-30T12:00:00Z"), MissedTicks.RUN_ONCE, GRACE))
                .isEqualTo(new Decision.Start(at("2026-03-30T00:00:00Z"), true));
    }

    @Test
    void aCronWithNoMoreTicksNeverStartsAgain() {
        CronTicks once = CronTicks.parse("0 0 12 1 1 ? 2025", PARIS);
        assertThat(TickPlanner.decide(once, at("2026-01-01T00:00:00Z"), at("2026-06-01T00:00:00Z"), MissedTicks.RUN_ONCE, GRACE))
                .isEqualTo(new Decision.Never());
    }

    private static List<Instant> ticks(CronTicks ticks, Instant from, int count) {
        List<Instant> out = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < count; i++) {
            t = ticks.firstAfter(t).orElseThrow();
            out.add(t);
        }
        return out;
    }

    /** Runs the planner as the scheduler does, each decision moving the last tick, until it waits. */
    private static List<String> plan(CronTicks ticks, Instant lastTick, Instant now, MissedTicks policy) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            switch (TickPlanner.decide(ticks, lastTick, now, policy, GRACE)) {
                case Decision.Wait wait -> {
                    steps.add("wait " + wait.until());
                    return steps;
                }
                case Decision.Start start -> {
                    steps.add((start.missed() ? "missed " : "start ") + start.tick());
                    lastTick = start.tick();
                }
                case Decision.Skip skip -> {
                    steps.add("skip to " + skip.upTo());
                    lastTick = skip.upTo();
                }
                case Decision.Never never -> {
                    steps.add("never");
                    return steps;
                }
            }
        }
        throw new AssertionError("the plan never settles: " + steps.subList(0, 20));
    }
}
