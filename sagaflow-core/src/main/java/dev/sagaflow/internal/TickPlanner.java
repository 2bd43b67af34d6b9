package dev.sagaflow.internal;

import dev.sagaflow.schedule.MissedTicks;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a schedule needs now, from its stored last tick only: wait for its next tick, start a
 * tick, or pass over the ticks it missed. Pure, so the missed-ticks policy is tested on its own.
 */
public final class TickPlanner {
    private TickPlanner() {
    }

    /** What to do for a schedule now. */
    public sealed interface Decision {
        /** Nothing is due before {@code until}. */
        record Wait(Instant until) implements Decision {
        }

        /** Start the saga of {@code tick}; {@code missed}: it is the one start {@link MissedTicks#RUN_ONCE} gives an outage. */
        record Start(Instant tick, boolean missed) implements Decision {
        }

        /** Pass over every tick up to {@code upTo} (included), starting nothing: they were missed. */
        record Skip(Instant upTo) implements Decision {
        }

        /** The expression has no tick after the last one (a past year): nothing, ever. */
        record Never() implements Decision {
        }
    }

    public static Decision decide(CronTicks ticks, Instant lastTick, Instant now, MissedTicks policy, Duration missedAfter) {
        throw new UnsupportedOperationException("not yet");
    }
}
