package dev.sagaflow.cli;

import picocli.CommandLine;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A point in time as an operator types it: an ISO-8601 instant (2026-11-30T10:15:00Z) or a time ago (15m, 2h, PT30M). */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    static Clock clock = Clock.systemUTC();

    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return clock.instant().minus(new DurationConverter().convert(value));
            } catch (CommandLine.TypeConversionException notADuration) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither an ISO-8601 instant such as "
                        + "2026-11-30T10:15:00Z nor a time ago such as 15m, 2h or PT30M");
            }
        }
    }
}
