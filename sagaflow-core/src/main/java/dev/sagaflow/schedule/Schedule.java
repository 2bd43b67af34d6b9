package dev.sagaflow.schedule;

import dev.sagaflow.internal.CronTicks;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * A durable cron schedule that starts a saga at each of its ticks, exactly once per tick however many
 * nodes run it:
 * <pre>{@code
 * Schedule nightly = Schedule.cron("nightly-report", "0 0 2 * * ?", ZoneId.of("Europe/Paris"))
 *         .starts("report", tick -> new ReportData(tick.toLocalDate()))
 *         .onMissedTicks(MissedTicks.RUN_ONCE);
 * SagaEngine engine = SagaEngine.builder(store).register(reportSaga).schedule(nightly).build();
 * }</pre>
 * The cron expression is Quartz's, with seconds ({@code sec min hour day-of-month month day-of-week
 * [year]}, one of the two day fields {@code ?}), read in the schedule's time zone, daylight saving time
 * included: a local time that a spring-forward day skips has no tick that day, and one that a
 * fall-back day repeats ticks once (Quartz's rules). Each tick's saga is started with the idempotency
 * and correlation key {@code schedule:<name>:<tick as an ISO instant>}, and its history says which
 * schedule and tick started it.
 *
 * <p>Immutable: each option returns a new schedule.
 */
public final class Schedule {
    /** A tick found later than this after its time is missed; see {@link #missedAfter(Duration)}. */
    public static final Duration DEFAULT_MISSED_AFTER = Duration.ofMinutes(1);
    /** Longest schedule name: it is part of each started saga's idempotency key. */
    public static final int MAX_NAME_LENGTH = 100;

    private final String name;
    private final String cron;
    private final ZoneId zone;
    private final String sagaName;
    private final Function<? super ZonedDateTime, ?> data;
    private final MissedTicks missedTicks;
    private final Duration missedAfter;

    private Schedule(String name, String cron, ZoneId zone, String sagaName, Function<? super ZonedDateTime, ?> data,
                     MissedTicks missedTicks, Duration missedAfter) {
        this.name = name;
        this.cron = cron;
        this.zone = zone;
        this.sagaName = sagaName;
        this.data = data;
        this.missedTicks = missedTicks;
        this.missedAfter = missedAfter;
    }

    /**
     * A schedule named {@code name} (unique on a store) ticking as {@code cron} in {@code zone}.
     *
     * @throws InvalidScheduleException a blank or too long name, or a cron text that is not a Quartz
     *                                  expression with seconds (naming the field and why)
     */
    public static Timing cron(String name, String cron, ZoneId zone) {
        requireName(name);
        if (zone == null) {
            throw new InvalidScheduleException(name, "zone", "is missing");
        }
        requireCron(name, cron, zone);
        return new Timing(name, cron, zone);
    }

    /** As {@link #cron(String, String, ZoneId)}, the zone by its id ({@code "Europe/Paris"}); an unknown id is refused naming {@code zone}. */
    public static Timing cron(String name, String cron, String zoneId) {
        requireName(name);
        return cron(name, cron, zoneOf(name, zoneId));
    }

    private static ZoneId zoneOf(String name, String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            throw new InvalidScheduleException(name, "zone", "is missing");
        }
        try {
            return ZoneId.of(zoneId.strip());
        } catch (DateTimeException e) {
            throw new InvalidScheduleException(name, "zone", "'" + zoneId + "' is not a time zone (" + e.getMessage()
                    + "); give a region id such as Europe/Paris, or UTC");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidScheduleException(name, "name", "is blank; give each schedule a name unique on its store");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidScheduleException(name, "name", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl) || !name.equals(name.strip())) {
            throw new InvalidScheduleException(name, "name", "has control characters or spaces at its ends");
        }
    }

    private static void requireCron(String name, String cron, ZoneId zone) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidScheduleException(name, "cron", "is blank; give a Quartz cron with seconds such as '0 0 2 * * ?'");
        }
        try {
            CronTicks.parse(cron, zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(name, "cron", "'" + cron + "' is not a Quartz cron with seconds "
                    + "(sec min hour day-of-month month day-of-week [year]): " + e.getMessage());
        }
    }

    /** The first half of a schedule: when it ticks. {@link #starts} says what it starts. */
    public static final class Timing {
        private final String name;
        private final String cron;
        private final ZoneId zone;

        private Timing(String name, String cron, ZoneId zone) {
            this.name = name;
            this.cron = cron;
            this.zone = zone;
        }

        /**
         * Starts the saga {@code sagaName} (registered on the same engine) at each tick, with the data
         * {@code data} makes from the tick (in the schedule's zone). Missed ticks are skipped unless
         * {@link #onMissedTicks} says otherwise.
         */
        public Schedule starts(String sagaName, Function<? super ZonedDateTime, ?> data) {
            if (sagaName == null || sagaName.isBlank()) {
                throw new InvalidScheduleException(name, "saga", "is blank; name the saga each tick starts");
            }
            if (data == null) {
                throw new InvalidScheduleException(name, "data", "is missing: give the function that makes the saga's data from a tick");
            }
            return new Schedule(name, cron, zone, sagaName, data, MissedTicks.SKIP, DEFAULT_MISSED_AFTER);
        }
    }

    /** What to do with ticks missed during an outage. Default {@link MissedTicks#SKIP}. */
    public Schedule onMissedTicks(MissedTicks policy) {
        if (policy == null) {
            throw new InvalidScheduleException(name, "missedTicks", "is missing: SKIP or RUN_ONCE");
        }
        return new Schedule(name, cron, zone, sagaName, data, policy, missedAfter);
    }

    /**
     * How late a tick may be found and still start as usual; a tick found later than this is missed
     * and left to the {@link #onMissedTicks missed-ticks policy}. Ticks found late within it (a node
     * paused, a busy database) all start, oldest first. Default {@link #DEFAULT_MISSED_AFTER}.
     */
    public Schedule missedAfter(Duration lateness) {
        if (lateness == null || lateness.isNegative()) {
            throw new InvalidScheduleException(name, "missedAfter", "must be zero or more; was " + lateness);
        }
        return new Schedule(name, cron, zone, sagaName, data, missedTicks, lateness);
    }

    public String name() {
        return name;
    }

    public String cronExpression() {
        return cron;
    }

    public ZoneId zone() {
        return zone;
    }

    public String sagaName() {
        return sagaName;
    }

    public MissedTicks missedTicks() {
        return missedTicks;
    }

    public Duration missedAfter() {
        return missedAfter;
    }

    /** The saga data for a tick, made by the function given to {@link Timing#starts}. */
    public Object dataFor(Instant tick) {
        return data.apply(tick.atZone(zone));
    }

    /** The idempotency (and correlation) key of the saga started for {@code tick}. */
    public String idempotencyKey(Instant tick) {
        return keyOf(name, tick);
    }

    /** {@code schedule:<name>:<tick as an ISO instant>}. */
    public static String keyOf(String scheduleName, Instant tick) {
        return "schedule:" + scheduleName + ":" + tick;
    }

    @Override
    public String toString() {
        return "schedule '" + name + "' (" + cron + " " + zone + " starts " + sagaName + ", missed ticks: " + missedTicks + ")";
    }
}
