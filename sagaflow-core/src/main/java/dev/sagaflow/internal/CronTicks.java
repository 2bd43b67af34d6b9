package dev.sagaflow.internal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The ticks of a Quartz cron expression (with seconds) in a time zone, by cron-utils: the library
 * knows the calendar, the zone's daylight saving rules and the expression's corner cases, so nothing
 * here parses or counts dates by hand.
 */
public final class CronTicks {
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final ExecutionTime executions;
    private final ZoneId zone;

    private CronTicks(ExecutionTime executions, ZoneId zone) {
        this.executions = executions;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException the text is not a Quartz cron with seconds; the message says why */
    public static CronTicks parse(String cron, ZoneId zone) {
        return new CronTicks(ExecutionTime.forCron(QUARTZ.parse(cron)), zone);
    }

    // cron-utils keeps the fraction of a second it is given (the next tick after 10:00:00.889 would be
    // 10:00:01.889), and a schedule's first last tick is its registration instant: ticks are whole
    // seconds, so the library is only ever asked about whole seconds.

    /** The first tick strictly after {@code instant}, if the expression has one. */
    public Optional<Instant> firstAfter(Instant instant) {
        return executions.nextExecution(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /** The last tick strictly before {@code instant}, if the expression has one. */
    public Optional<Instant> lastBefore(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        // Mid-second, the second itself is before the instant and may be a tick.
        Instant bound = second.equals(instant) ? second : second.plusSeconds(1);
        return executions.lastExecution(bound.atZone(zone)).map(ZonedDateTime::toInstant);
    }
}
