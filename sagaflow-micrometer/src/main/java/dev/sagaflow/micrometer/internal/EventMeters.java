package dev.sagaflow.micrometer.internal;

import dev.sagaflow.observe.SagaEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The timers and counters fed by {@link SagaEvent}s, on one registry. Meters are looked up in maps
 * keyed by records of their tag values: asking the registry would build and sort a tag list on every
 * event, which shows in the engine's throughput.
 */
public final class EventMeters {
    public static final String ATTEMPT_DURATION = "sagaflow.attempt.duration";
    public static final String ATTEMPT_LATENCY = "sagaflow.attempt.latency";
    public static final String STEP_RETRIES = "sagaflow.step.retries";
    public static final String COMPENSATIONS_STARTED = "sagaflow.compensations.started";
    public static final String SAGAS_STARTED = "sagaflow.sagas.started";
    public static final String SAGAS_ENDED = "sagaflow.sagas.ended";
    public static final String SAGAS_STALLED = "sagaflow.sagas.stalled";
    public static final String LEASES_LOST = "sagaflow.leases.lost";
    public static final String WRITES_REFUSED = "sagaflow.writes.refused";

    private record AttemptKey(String saga, String step, boolean compensation, boolean succeeded) {
    }

    private record AttemptTimers(Timer duration, Timer latency) {
    }

    private record StepKey(String saga, String step) {
    }

    private record EndKey(String saga, String state) {
    }

    private record StallKey(String saga, String step, String flag) {
    }

    private final MeterRegistry registry;
    private final Tags common;
    private final Map<AttemptKey, AttemptTimers> attempts = new ConcurrentHashMap<>();
    private final Map<StepKey, Counter> retries = new ConcurrentHashMap<>();
    private final Map<EndKey, Timer> ended = new ConcurrentHashMap<>();
    private final Map<StallKey, Counter> stalled = new ConcurrentHashMap<>();
    private final Map<String, Counter> started = new ConcurrentHashMap<>();
    private final Map<String, Counter> compensations = new ConcurrentHashMap<>();
    private final Map<String, Counter> leasesLost = new ConcurrentHashMap<>();
    private final Map<String, Counter> writesRefused = new ConcurrentHashMap<>();

    public EventMeters(MeterRegistry registry, Tags common) {
        this.registry = registry;
        this.common = common;
    }

    public void record(SagaEvent event) {
        String saga = event.saga().sagaName();
        switch (event) {
            case SagaEvent.AttemptEnded e -> {
                AttemptTimers timers = attempts.computeIfAbsent(
                        new AttemptKey(saga, orNone(e.step()), e.compensation(), e.succeeded()), this::attemptTimers);
                timers.duration().record(orZero(e.duration()));
                timers.latency().record(orZero(e.latency()));
            }
            case SagaEvent.StepFailed e -> {
                if (e.retrying()) {
                    retries.computeIfAbsent(new StepKey(saga, orNone(e.step())),
                            k -> counter(STEP_RETRIES, "Step attempts that failed and were scheduled again",
                                    "saga", k.saga(), "step", k.step())).increment();
                }
            }
            case SagaEvent.CompensationStarted e -> perSaga(compensations, saga, COMPENSATIONS_STARTED,
                    "Sagas that began compensating their completed steps").increment();
            case SagaEvent.Started e -> perSaga(started, saga, SAGAS_STARTED, "Sagas started").increment();
            case SagaEvent.Completed e -> ended(saga, "COMPLETED", e.took());
            case SagaEvent.Failed e -> ended(saga, "FAILED", e.took());
            case SagaEvent.Cancelled e -> ended(saga, "CANCELLED", e.took());
            case SagaEvent.Stalled e -> stalled.computeIfAbsent(new StallKey(saga, orNone(e.step()), orNone(e.flag())),
                    k -> counter(SAGAS_STALLED, "Times an instance was flagged for an operator while still retried",
                            "saga", k.saga(), "step", k.step(), "flag", k.flag())).increment();
            case SagaEvent.LeaseLost e -> perSaga(leasesLost, saga, LEASES_LOST,
                    "Writes refused because another node took the instance over").increment();
            case SagaEvent.WriteRefused e -> perSaga(writesRefused, saga, WRITES_REFUSED,
                    "Writes the store refused for their content (too long, a constraint)").increment();
        }
    }

    private AttemptTimers attemptTimers(AttemptKey k) {
        Tags tags = common.and("saga", k.saga(), "step", k.step(),
                "kind", k.compensation() ? "compensation" : "step",
                "outcome", k.succeeded() ? "succeeded" : "failed");
        return new AttemptTimers(
                Timer.builder(ATTEMPT_DURATION).description("Time a step or compensation attempt took (a remote one: command to reply)")
                        .tags(tags).register(registry),
                Timer.builder(ATTEMPT_LATENCY).description("From an attempt being due on a node to the commit of its outcome")
                        .tags(tags).register(registry));
    }

    private void ended(String saga, String state, Duration took) {
        ended.computeIfAbsent(new EndKey(saga, state),
                k -> Timer.builder(SAGAS_ENDED).description("Sagas that ended, by final state, with their time from start to end")
                        .tags(common.and("saga", k.saga(), "state", k.state())).register(registry))
                .record(orZero(took));
    }

    private Counter perSaga(Map<String, Counter> counters, String saga, String name, String description) {
        return counters.computeIfAbsent(saga, s -> counter(name, description, "saga", s));
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(common.and(tags)).register(registry);
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }
}
