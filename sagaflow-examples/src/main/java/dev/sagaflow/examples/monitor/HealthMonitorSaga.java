package dev.sagaflow.examples.monitor;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;

import java.time.Duration;

/**
 * The eternal monitor: check every service and record the round (alerts where a status changed),
 * sleep until the next round's due time, loop; every {@code roundsPerRun} rounds continue as new, so
 * the history it keeps stays bounded however long it runs; end when every round is checked.
 * Nothing is compensated: every step lies past the point of no return and is retried until it succeeds.
 */
public final class HealthMonitorSaga {
    public static final String NAME = "health-monitor";
    /** The one monitor's idempotency key: a run on the same folder resumes it instead of starting another. */
    public static final String KEY = "health-monitor";

    private HealthMonitorSaga() {
    }

    public static SagaDefinition<Watch> definition(HealthLedger ledger, int keepRuns) {
        return Saga.define(NAME, Watch.class)
                .keepRuns(keepRuns)
                .retriable("check-services")
                    .invoke((watch, ctx) -> {
                        String statuses = ServiceStatuses.all(watch.services(), watch.round());
                        ledger.record(watch.round(), statuses, watch.lastStatuses(), ctx.idempotencyKey());
                        return watch.checked(statuses);
                    })
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(10))
                            .maxDelay(Duration.ofMillis(500)).build())
                    .timeout(Duration.ofSeconds(10))
                // Due from the start, not from now: after a pause or a crash the rounds catch up and keep the cadence.
                .sleepUntil("await-next-round", Watch::nextDue)
                .loopTo("next-round", "check-services", watch -> !watch.done() && !watch.runFull())
                .continueAsNew("next-run", Watch::nextRun).when(watch -> !watch.done())
                .build();
    }
}
