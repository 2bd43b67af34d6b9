package dev.sagaflow.internal;

import dev.sagaflow.schedule.MissedTicks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    /**
     * @param lastTick    the schedule's stored last tick
     * @param missedAfter a tick found later than this after its time is missed; ticks found late within
     *                    it all start, oldest first, so a short pause of every node loses none
     */
    public static Decision decide(CronTicks ticks, Instant lastTick, Instant now, MissedTicks policy, Duration missedAfter) {
        Optional<Instant> next = ticks.firstAfter(lastTick);
        if (next.isEmpty()) {
            return new Decision.Never();
        }
        if (next.get().isAfter(now)) {
            return new Decision.Wait(next.get());
        }
        Instant missedBefore = now.minus(missedAfter);
        if (!next.get().isBefore(missedBefore)) {
            return new Decision.Start(next.get(), false);
        }
        // next is before missedBefore, so the last tick before it exists and is at least next.
        Instant latestMissed = ticks.lastBefore(missedBefore).orElseThrow();
        return switch (policy) {
            case SKIP -> new Decision.Skip(latestMissed);
            case RUN_ONCE -> new Decision.Start(latestMissed, true);
        };
    }
}
