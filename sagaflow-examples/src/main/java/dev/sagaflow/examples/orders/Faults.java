package dev.sagaflow.examples.orders;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a participant call can go wrong on its own, apart from the business failures the orders are
 * made to meet: before the local transaction (the service was unreachable) or after its commit (the
 * reply was lost, so the caller cannot tell it happened). Tests script these; the demo rolls dice.
 */
public interface Faults {

    /** Called before a participant applies an operation; throws to fail the call with no effect. */
    void before(Call call);

    /** Called after the operation committed; throws to lose the reply. */
    void after(Call call);

    /** One participant call: service, operation ("reserve", "release"…), order and idempotency key. */
    record Call(String service, String operation, String orderId, String key) {
    }

    static Faults none() {
        return new Faults() {
            @Override
            public void before(Call call) {
            }

            @Override
            public void after(Call call) {
            }
        };
    }

    /** Each call fails before with probability {@code rate / 2}, and after its commit with {@code rate / 2}. */
    static Faults transientAt(double rate) {
        return new Faults() {
            @Override
            public void before(Call call) {
                if (ThreadLocalRandom.current().nextDouble() < rate / 2) {
                    throw new ParticipantUnavailableException(call, "before applying");
                }
            }

            @Override
            public void after(Call call) {
                if (ThreadLocalRandom.current().nextDouble() < rate / 2) {
                    throw new ParticipantUnavailableException(call, "after committing; the reply was lost");
                }
            }
        };
    }
}
