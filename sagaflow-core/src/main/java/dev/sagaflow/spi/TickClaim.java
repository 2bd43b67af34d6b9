package dev.sagaflow.spi;

/**
 * What {@link SagaStore#claimTick} did.
 *
 * @param outcome what happened
 * @param sagaId  the instance of the tick (new or existing), or {@code null} when {@link Outcome#STALE}
 */
public record TickClaim(Outcome outcome, String sagaId) {

    public enum Outcome {
        /** The last tick moved to this tick and its instance was inserted, together. */
        STARTED,
        /** The last tick moved to this tick; an instance with the tick's key existed already and is kept. */
        ALREADY_STARTED,
        /** The stored last tick was not the expected one (another node handled it): nothing changed. */
        STALE
    }

    public static TickClaim started(String sagaId) {
        return new TickClaim(Outcome.STARTED, sagaId);
    }

    public static TickClaim alreadyStarted(String sagaId) {
        return new TickClaim(Outcome.ALREADY_STARTED, sagaId);
    }

    public static TickClaim stale() {
        return new TickClaim(Outcome.STALE, null);
    }
}
