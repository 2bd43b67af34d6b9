package dev.sagaflow;

import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.schedule.InvalidScheduleException;
import dev.sagaflow.schedule.MissedTicks;
import dev.sagaflow.schedule.Schedule;
import dev.sagaflow.spi.ScheduleRecord;
import dev.sagaflow.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Schedules on an engine with a clock the test sets: a tick starts its saga once; after an outage
 * (the engine closed, the clock moved on, a new engine on the same store) the missed-ticks policy
 * decides; a changed definition counts from the change.
 */
class ScheduledSagaTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String NAME = "nightly-report";

    record Report(String night) {
    }

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T00:30:00Z"));
    private final List<SagaEngine> engines = new ArrayList<>();

    private static final SagaDefinition<Report> REPORT = Saga.define("report", Report.class)
            .step("write").invoke((r, c) -> r)
            .build();

    private static Schedule nightly(String cron, MissedTicks policy) {
        return Schedule.cron(NAME, cron, PARIS).starts("report", tick -> new Report(tick.toLocalDate().toString()))
                .onMissedTicks(policy);
    }

    private SagaEngine engine(Schedule schedule) {
        SagaEngine engine = SagaEngine.builder(store).register(REPORT).schedule(schedule).clock(clock)
                .pollInterval(Duration.ofMillis(20)).build();
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(SagaEngine::close);
    }

    private Optional<SagaInstance> startedFor(SagaEngine engine, String tick) {
        return engine.findByIdempotencyKey("report", "schedule:" + NAME + ":" + tick);
    }

    private long starts() {
        return store.countByState("report").values().stream().mapToLong(Long::longValue).sum();
    }

    private long lastTick() {
        return store.schedules().stream().filter(s -> s.name().equals(NAME)).findFirst().orElseThrow().lastTick();
    }

    private static void quietFor(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    @Test
    void aTickStartsItsSagaOnceWithTheTickInItsDataAndHistory() throws Exception {
        clock.set(Instant.parse("2026-12-01T00:59:59.900Z"));
        SagaEngine engine = engine(nightly("0 0 2 * * ?", MissedTicks.SKIP));
        quietFor(Duration.ofMillis(200));
        assertThat(starts()).as("before its tick").isZero();

        clock.set(Instant.parse("2026-12-01T01:00:00.100Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> startedFor(engine, "2026-12-01T01:00:00Z")
                .filter(i -> i.state() == SagaState.COMPLETED).isPresent());
        SagaInstance started = engine.get(startedFor(engine, "2026-12-01T01:00:00Z").orElseThrow().id());
        assertThat(started.correlationId()).isEqualTo("schedule:nightly-report:2026-12-01T01:00:00Z");
        assertThat(started.history().getFirst().type()).isEqualTo(HistoryEventType.SAGA_STARTED);
        assertThat(started.history().getFirst().detail())
                .contains("schedule 'nightly-report'").contains("tick 2026-12-01T02:00+01:00[Europe/Paris]");
        assertThat(started.dataJson()).contains("2026-12-01");
        quietFor(Duration.ofMillis(300));
        assertThat(starts()).as("one start for one tick").isEqualTo(1);
        assertThat(lastTick()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z").toEpochMilli());
    }

    @Test
    void afterAnOutageRunOnceStartsOnlyTheLatestMissedTick() throws Exception {
        engine(nightly("0 0 2 * * ?", MissedTicks.RUN_ONCE)).close(); // registered at 00:30Z on the 1st
        clock.set(Instant.parse("2026-12-04T12:00:00Z")); // four nights missed

        SagaEngine restarted = engine(nightly("0 0 2 * * ?", MissedTicks.RUN_ONCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> startedFor(restarted, "2026-12-04T01:00:00Z").isPresent());
        quietFor(Duration.ofMillis(300));
        assertThat(starts()).isEqualTo(1);
        assertThat(lastTick()).isEqualTo(Instant.parse("2026-12-04T01:00:00Z").toEpochMilli());
        assertThat(restarted.get(startedFor(restarted, "2026-12-04T01:00:00Z").orElseThrow().id()).history().getFirst().detail())
                .contains("missed");
    }

    @Test
    void afterAnOutageSkipStartsNothingAndTheNextTickStartsAsUsual() throws Exception {
        engine(nightly("0 0 2 * * ?", MissedTicks.SKIP)).close();
        clock.set(Instant.parse("2026-12-04T12:00:00Z"));

        SagaEngine restarted = engine(nightly("0 0 2 * * ?", MissedTicks.SKIP));
        await().atMost(Duration.ofSeconds(10)).until(() -> lastTick() == Instant.parse("2026-12-04T01:00:00Z").toEpochMilli());
        quietFor(Duration.ofMillis(300));
        assertThat(starts()).as("missed ticks start nothing").isZero();

        clock.set(Instant.parse("2026-12-05T01:00:00.050Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> startedFor(restarted, "2026-12-05T01:00:00Z").isPresent());
        quietFor(Duration.ofMillis(200));
        assertThat(starts()).isEqualTo(1);
    }

    @Test
    void aChangedCronCountsFromTheChangeWhileAnUnchangedOneKeepsItsMissedTick() throws Exception {
        engine(nightly("0 0 2 * * ?", MissedTicks.RUN_ONCE)).close();
        clock.set(Instant.parse("2026-12-03T12:00:00Z"));

        // Redefined while down: neither the old cron's missed nights nor the new cron's past ones start.
        engine(nightly("0 0 3 * * ?", MissedTicks.RUN_ONCE));
        quietFor(Duration.ofMillis(300));
        assertThat(starts()).isZero();
        ScheduleRecord row = store.schedules().getFirst();
        assertThat(row.cron()).isEqualTo("0 0 3 * * ?");
        assertThat(row.lastTick()).isEqualTo(clock.millis());
        engines.getLast().close();

        // Registered again unchanged after another night down: its missed night is not forgotten.
        clock.set(Instant.parse("2026-12-04T12:00:00Z"));
        SagaEngine again = engine(nightly("0 0 3 * * ?", MissedTicks.RUN_ONCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> startedFor(again, "2026-12-04T02:00:00Z").isPresent());
        quietFor(Duration.ofMillis(200));
        assertThat(starts()).isEqualTo(1);
    }

    @Test
    void twoEnginesOnOneStoreStartEachTickOnce() throws Exception {
        Schedule everySecond = Schedule.cron("every-second", "* * * * * ?", PARIS)
                .starts("report", tick -> new Report(tick.toString()));
        for (int i = 0; i < 2; i++) {
            engines.add(SagaEngine.builder(store).register(REPORT).schedule(everySecond).pollInterval(Duration.ofMillis(20)).build());
        }
        quietFor(Duration.ofMillis(3_500));
        engines.forEach(SagaEngine::close);

        List<Instant> ticks = engines.getFirst().list(SagaQuery.all().withSagaName("report").page(0, 1000)).stream()
                .map(i -> Instant.parse(i.idempotencyKey().substring("schedule:every-second:".length()))).sorted().toList();
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(Duration.between(ticks.getFirst(), ticks.getLast()).toSeconds()).as("no tick missing: %s", ticks)
                .isEqualTo(ticks.size() - 1);
    }

    @Test
    void aDataFunctionThatThrowsHoldsUpNoOtherScheduleAndItsTickIsTriedAgainNotLost() {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Schedule flaky = Schedule.cron("flaky", "* * * * * ?", PARIS).starts("report", tick -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the report source is not ready");
            }
            return new Report(tick.toString());
        });
        Schedule steady = Schedule.cron("steady", "* * * * * ?", PARIS).starts("report", tick -> new Report(tick.toString()));
        SagaEngine engine = SagaEngine.builder(store).register(REPORT).schedule(flaky).schedule(steady)
                .pollInterval(Duration.ofMillis(20)).build();
        engines.add(engine);

        await().atMost(Duration.ofSeconds(15)).until(() -> ticksOf(engine, "flaky").size() >= 3);
        List<Instant> steadyTicks = ticksOf(engine, "steady");
        List<Instant> flakyTicks = ticksOf(engine, "flaky");
        assertThat(failuresLeft.get()).isNegative();
        assertThat(steadyTicks.size()).as("the steady schedule went on meanwhile").isGreaterThanOrEqualTo(flakyTicks.size());
        assertThat(flakyTicks.getFirst()).as("the tick whose data failed twice was started late, not skipped")
                .isEqualTo(steadyTicks.getFirst());
        assertThat(Duration.between(flakyTicks.getFirst(), flakyTicks.getLast()).toSeconds()).isEqualTo(flakyTicks.size() - 1);
    }

    private static List<Instant> ticksOf(SagaEngine engine, String schedule) {
        String prefix = "schedule:" + schedule + ":";
        return engine.list(SagaQuery.all().withSagaName("report").page(0, 1000)).stream()
                .map(SagaInstance::idempotencyKey).filter(k -> k.startsWith(prefix))
                .map(k -> Instant.parse(k.substring(prefix.length()))).sorted().toList();
    }

    @Test
    void aScheduleOfASagaTheEngineDoesNotKnowIsRefusedAtBuild() {
        Schedule unknown = Schedule.cron(NAME, "0 0 2 * * ?", PARIS).starts("invoice", tick -> tick);
        assertThatThrownBy(() -> SagaEngine.builder(store).register(REPORT).schedule(unknown).build())
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> {
                    assertThat(e.field()).isEqualTo("saga");
                    assertThat(e.getMessage()).contains("'invoice'").contains("report");
                });
        Schedule one = nightly("0 0 2 * * ?", MissedTicks.SKIP);
        assertThatThrownBy(() -> SagaEngine.builder(store).register(REPORT).schedule(one).schedule(one).build())
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(store.schedules()).isEmpty();
    }
}
