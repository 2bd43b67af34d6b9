package dev.sagaflow.internal;

import dev.sagaflow.internal.TickPlanner.Decision;
import dev.sagaflow.internal.Worker.Next;
import dev.sagaflow.schedule.Schedule;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.ScheduleRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.TickClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts the sagas of this node's schedules at their ticks. Every node runs one; the store decides
 * which node starts a tick: the tick's instance is inserted in the same transaction as the
 * compare-and-set that moves the schedule's last tick, so two nodes never both start it and a crash
 * between the two cannot happen. Between rounds it parks until the earliest next tick, looking again
 * at least every poll interval, since another node may have moved a schedule on or redefined it, and
 * a clock may jump.
 */
public final class Scheduler {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    /** After a tick's start failed (its data function threw, the store refused it), that schedule waits this long. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /** Makes the instance a schedule starts for a tick, and tells of it once it is durable. */
    public interface Starts {
        StoreWrite.Insert prepare(Schedule schedule, Instant tick, boolean missed);

        void started(SagaRecord row);
    }

    private final SagaStore store;
    private final List<Schedule> schedules;
    private final Map<String, CronTicks> ticks = new HashMap<>();
    private final Starts starts;
    private final Runnable instanceWaiting;
    private final Clock clock;
    private final long pollMillis;
    private final Worker worker;
    private final Map<String, Long> retryAt = new HashMap<>();
    private final Set<String> standingBy = new HashSet<>();

    /**
     * @param instanceWaiting told when this node inserted an instance nobody holds yet (wakes the poller)
     */
    public Scheduler(String owner, SagaStore store, List<Schedule> schedules, Starts starts, Runnable instanceWaiting,
                     Clock clock, long pollMillis) {
        this.store = store;
        this.schedules = List.copyOf(schedules);
        this.starts = starts;
        this.instanceWaiting = instanceWaiting;
        this.clock = clock;
        this.pollMillis = pollMillis;
        for (Schedule s : this.schedules) {
            ticks.put(s.name(), CronTicks.parse(s.cronExpression(), s.zone()));
        }
        this.worker = Worker.builder("sagaflow-schedule-" + owner, "starting scheduled sagas", this::round)
                .clock(clock).idle(Duration.ofMillis(pollMillis)).build();
    }

    /** Writes each schedule's row (see {@link ScheduleRecord#registered}); before {@link #start}. */
    public void register() {
        long now = clock.millis();
        for (Schedule s : schedules) {
            ScheduleRecord stored = store.registerSchedule(recordOf(s), now);
            log.info("schedule '{}' ({} in {}, starts '{}', missed ticks: {}) registered; last tick {}", s.name(),
                    s.cronExpression(), s.zone(), s.sagaName(), s.missedTicks(), Instant.ofEpochMilli(stored.lastTick()));
        }
    }

    private static ScheduleRecord recordOf(Schedule s) {
        return new ScheduleRecord(s.name(), s.cronExpression(), s.zone().getId(), s.sagaName(), s.missedTicks().name(), 0, 0);
    }

    public void start() {
        worker.start();
    }

    public void close() {
        worker.stop(Duration.ofSeconds(10));
    }

    private Next round() {
        Map<String, ScheduleRecord> stored = new HashMap<>();
        for (ScheduleRecord row : store.schedules()) {
            stored.put(row.name(), row);
        }
        long now = clock.millis();
        long wakeAt = now + pollMillis;
        boolean again = false;
        for (Schedule schedule : schedules) {
            Long retry = retryAt.get(schedule.name());
            if (retry != null && retry > now) {
                wakeAt = Math.min(wakeAt, retry);
                continue;
            }
            ScheduleRecord row = stored.get(schedule.name());
            if (row == null) {
                // Deleted by hand while nodes run it: registered again, counting from now.
                store.registerSchedule(recordOf(schedule), now);
                again = true;
                continue;
            }
            if (!runsAsStored(schedule, row)) {
                continue;
            }
            try {
                Outcome outcome = handle(schedule, row, Instant.ofEpochMilli(now));
                if (outcome.again) {
                    again = true;
                } else {
                    wakeAt = Math.min(wakeAt, outcome.waitUntil);
                }
                retryAt.remove(schedule.name());
            } catch (RuntimeException e) {
                // One schedule whose data function or start fails must not hold up the others.
                if (retryAt.put(schedule.name(), now + RETRY_AFTER_FAILURE.toMillis()) == null) {
                    log.warn("schedule '{}': starting '{}' for a tick failed; trying again every {} ms: {}", schedule.name(),
                            schedule.sagaName(), RETRY_AFTER_FAILURE.toMillis(), e.toString());
                }
                wakeAt = Math.min(wakeAt, now + RETRY_AFTER_FAILURE.toMillis());
            }
        }
        return again ? Next.AGAIN : Next.at(wakeAt);
    }

    /**
     * Whether the stored definition is this node's. The latest registration wins: a node whose own
     * differs (a rolling upgrade) stands by rather than start ticks of a timing the store no longer has.
     */
    private boolean runsAsStored(Schedule schedule, ScheduleRecord row) {
        boolean same = row.sameTimingAs(recordOf(schedule)) && row.missedTicks().equals(schedule.missedTicks().name());
        if (!same && standingBy.add(schedule.name())) {
            log.warn("schedule '{}' is stored as {} in {} starting '{}' (missed ticks {}), not as this node has it ({}): "
                    + "another node registered it since; this node leaves it to the nodes that have that definition",
                    schedule.name(), row.cron(), row.zone(), row.sagaName(), row.missedTicks(), schedule);
        } else if (same && standingBy.remove(schedule.name())) {
            log.info("schedule '{}' is stored as this node has it again; running it", schedule.name());
        }
        return same;
    }

    private record Outcome(boolean again, long waitUntil) {
    }

    private Outcome handle(Schedule schedule, ScheduleRecord row, Instant now) {
        Decision decision = TickPlanner.decide(ticks.get(schedule.name()), Instant.ofEpochMilli(row.lastTick()), now,
                schedule.missedTicks(), schedule.missedAfter());
        return switch (decision) {
            case Decision.Wait wait -> new Outcome(false, wait.until().toEpochMilli());
            case Decision.Never never -> new Outcome(false, Long.MAX_VALUE);
            case Decision.Skip skip -> {
                if (store.skipTicks(schedule.name(), row.lastTick(), skip.upTo().toEpochMilli())) {
                    log.warn("schedule '{}': the ticks after {} up to {} were missed (no node ran it then); skipped as its "
                                    + "missed-ticks policy SKIP says", schedule.name(), Instant.ofEpochMilli(row.lastTick()),
                            skip.upTo());
                }
                yield new Outcome(true, 0);
            }
            case Decision.Start start -> {
                StoreWrite.Insert insert = starts.prepare(schedule, start.tick(), start.missed());
                TickClaim claim = store.claimTick(schedule.name(), row.lastTick(), start.tick().toEpochMilli(), insert);
                switch (claim.outcome()) {
                    case STARTED -> {
                        if (start.missed()) {
                            log.warn("schedule '{}': the ticks after {} up to {} were missed; started '{}' {} once for the "
                                            + "latest, as its missed-ticks policy RUN_ONCE says", schedule.name(),
                                    Instant.ofEpochMilli(row.lastTick()), start.tick(), schedule.sagaName(), claim.sagaId());
                        } else {
                            log.info("schedule '{}': started '{}' {} for its tick {}", schedule.name(), schedule.sagaName(),
                                    claim.sagaId(), start.tick());
                        }
                        starts.started(insert.record());
                        instanceWaiting.run();
                    }
                    case ALREADY_STARTED -> log.info("schedule '{}': the tick {} had its instance {} already; moved on",
                            schedule.name(), start.tick(), claim.sagaId());
                    case STALE -> log.debug("schedule '{}': another node handled the tick {}", schedule.name(), start.tick());
                }
                yield new Outcome(true, 0);
            }
        };
    }
}
