package dev.sagaflow.micrometer;

import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.observe.NodeHealth;
import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaRef;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The meters from events fed by hand, and the gauges from hand-made readings. */
class SagaflowMetricsTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static SagaRef order(int n) {
        return new SagaRef(SagaId.of("saga-" + n), "order", 1, "corr-" + n, Map.of());
    }

    @Test
    void attemptsAreTimedBySagaStepKindAndOutcome() {
        SagaflowMetrics metrics = SagaflowMetrics.boundTo(registry);
        metrics.on(new SagaEvent.AttemptEnded(order(1), "charge", 1, false, false, Duration.ofMillis(30), Duration.ofMillis(40), "java.io.IOException"));
        metrics.on(new SagaEvent.AttemptEnded(order(1), "charge", 2, false, true, Duration.ofMillis(20), Duration.ofMillis(25), null));
        metrics.on(new SagaEvent.AttemptEnded(order(2), "charge", 1, false, true, Duration.ofMillis(10), Duration.ofMillis(15), null));
        metrics.on(new SagaEvent.AttemptEnded(order(2), "reserve", 1, true, true, Duration.ofMillis(5), Duration.ofMillis(7), null));

        Timer chargeOk = registry.get("sagaflow.attempt.duration")
                .tags("saga", "order", "step", "charge", "kind", "step", "outcome", "succeeded").timer();
        assertThat(chargeOk.count()).isEqualTo(2);
        assertThat(chargeOk.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
        Timer chargeFailed = registry.get("sagaflow.attempt.duration")
                .tags("step", "charge", "outcome", "failed").timer();
        assertThat(chargeFailed.count()).isEqualTo(1);
        assertThat(chargeFailed.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30);
        assertThat(registry.get("sagaflow.attempt.latency").tags("step", "charge", "outcome", "failed").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        Timer undo = registry.get("sagaflow.attempt.duration").tags("step", "reserve", "kind", "compensation").timer();
        assertThat(undo.count()).isEqualTo(1);
        assertThat(registry.get("sagaflow.attempt.duration").timers()).hasSize(3);
    }

    @Test
    void lifecycleEventsAreCountedPerSagaAndEndsTimedByState() {
        SagaflowMetrics metrics = SagaflowMetrics.boundTo(registry);
        metrics.on(new SagaEvent.Started(order(1)));
        metrics.on(new SagaEvent.Started(order(2)));
        metrics.on(new SagaEvent.Started(order(3)));
        metrics.on(new SagaEvent.StepFailed(order(1), "charge", 1, "timeout", true));
        metrics.on(new SagaEvent.StepFailed(order(1), "charge", 2, "timeout", true));
        metrics.on(new SagaEvent.StepFailed(order(2), "ship", 1, "carrier down", false));
        metrics.on(new SagaEvent.CompensationStarted(order(2), "carrier down"));
        metrics.on(new SagaEvent.Stalled(order(2), "charge", "COMPENSATION_STALLED", "payment service down"));
        metrics.on(new SagaEvent.LeaseLost(order(3)));
        metrics.on(new SagaEvent.WriteRefused(order(3), "value too long"));
        metrics.on(new SagaEvent.WriteRefused(order(3), "value too long"));
        metrics.on(new SagaEvent.Completed(order(1), Duration.ofSeconds(2), Instant.EPOCH));
        metrics.on(new SagaEvent.Failed(order(2), "carrier down", Duration.ofSeconds(3), Instant.EPOCH));
        metrics.on(new SagaEvent.Cancelled(order(3), Duration.ofSeconds(4), Instant.EPOCH));

        assertThat(registry.get("sagaflow.sagas.started").tag("saga", "order").counter().count()).isEqualTo(3);
        assertThat(registry.get("sagaflow.step.retries").tags("saga", "order", "step", "charge").counter().count()).isEqualTo(2);
        assertThat(registry.find("sagaflow.step.retries").tag("step", "ship").counter())
                .as("a failure that compensates is no retry").isNull();
        assertThat(registry.get("sagaflow.compensations.started").counter().count()).isEqualTo(1);
        assertThat(registry.get("sagaflow.sagas.stalled").tags("step", "charge", "flag", "COMPENSATION_STALLED")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("sagaflow.leases.lost").counter().count()).isEqualTo(1);
        assertThat(registry.get("sagaflow.writes.refused").counter().count()).isEqualTo(2);
        Map<String, Double> endedSeconds = registry.get("sagaflow.sagas.ended").timers().stream().collect(Collectors.toMap(
                t -> t.getId().getTag("state"), t -> t.totalTime(TimeUnit.SECONDS)));
        assertThat(endedSeconds).containsExactlyInAnyOrderEntriesOf(Map.of("COMPLETED", 2.0, "FAILED", 3.0, "CANCELLED", 4.0));
    }

    @Test
    void noTagCarriesASagaIdOrACorrelationId() {
        SagaflowMetrics metrics = SagaflowMetrics.builder().tags(Tags.of("node", "n1")).build();
        metrics.bindTo(registry);
        for (int n = 1; n <= 50; n++) {
            metrics.on(new SagaEvent.Started(order(n)));
            metrics.on(new SagaEvent.AttemptEnded(order(n), "charge", 1, false, true, Duration.ofMillis(1), Duration.ofMillis(1), null));
            metrics.on(new SagaEvent.Completed(order(n), Duration.ofMillis(5), Instant.EPOCH));
        }
        assertThat(registry.get("sagaflow.sagas.started").counter().count()).isEqualTo(50);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).as(meter.getId().toString()).contains(Tag.of("node", "n1"))
                    .noneMatch(t -> t.getValue().startsWith("saga-") || t.getValue().startsWith("corr-"));
        }
        assertThat(registry.getMeters()).as("one series per tag set, however many sagas ran")
                .filteredOn(m -> m.getId().getName().startsWith("sagaflow.attempt")).hasSize(2);
    }

    @Test
    void everyBoundRegistryGetsTheEventsAfterItsBinding() {
        SagaflowMetrics metrics = SagaflowMetrics.builder().build();
        metrics.on(new SagaEvent.Started(order(1)));
        metrics.bindTo(registry);
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        metrics.bindTo(second);
        metrics.on(new SagaEvent.Started(order(2)));
        assertThat(registry.get("sagaflow.sagas.started").counter().count()).isEqualTo(1);
        assertThat(second.get("sagaflow.sagas.started").counter().count()).isEqualTo(1);
    }

    @Test
    void gaugesReadNaNUntilSomethingIsWatchedThenTheReadings() {
        SagaflowMetrics metrics = SagaflowMetrics.builder().refreshEvery(Duration.ZERO).build();
        metrics.bindTo(registry);
        assertThat(gauge("sagaflow.instances", "state", "RUNNING")).isNaN();
        assertThat(gauge("sagaflow.store.reachable")).isNaN();

        metrics.watch(() -> Map.of(SagaState.RUNNING, 7L, SagaState.COMPLETED, 40L),
                () -> new NodeHealth("n1", true, null, 5, 3, Duration.ofMillis(1500), Instant.now()));
        assertThat(gauge("sagaflow.instances", "state", "RUNNING")).isEqualTo(7);
        assertThat(gauge("sagaflow.instances", "state", "COMPLETED")).isEqualTo(40);
        assertThat(gauge("sagaflow.instances", "state", "FAILED")).isZero();
        assertThat(registry.get("sagaflow.instances").gauges()).hasSize(SagaState.values().length);
        assertThat(gauge("sagaflow.leases.held")).isEqualTo(5);
        assertThat(gauge("sagaflow.due.waiting")).isEqualTo(3);
        assertThat(registry.get("sagaflow.due.behind").timeGauge().value(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(gauge("sagaflow.store.reachable")).isEqualTo(1);
    }

    @Test
    void aScrapeReadsTheStoreAtMostOncePerRefreshInterval() {
        SagaflowMetrics metrics = SagaflowMetrics.builder().refreshEvery(Duration.ofHours(1)).build();
        metrics.bindTo(registry);
        AtomicInteger reads = new AtomicInteger();
        metrics.watch(() -> Map.of(SagaState.RUNNING, (long) reads.incrementAndGet()), null);
        for (int scrape = 0; scrape < 20; scrape++) {
            registry.getMeters().forEach(m -> m.measure().forEach(Measurement::getValue));
        }
        assertThat(reads.get()).isEqualTo(1);
        assertThat(gauge("sagaflow.instances", "state", "RUNNING")).isEqualTo(1);
        assertThat(gauge("sagaflow.leases.held")).as("a client has no node health").isNaN();
    }

    @Test
    void anUnreachableStoreShowsAsNaNCountsAndZeroReachable() {
        SagaflowMetrics metrics = SagaflowMetrics.builder().refreshEvery(Duration.ZERO).build();
        metrics.bindTo(registry);
        metrics.watch(() -> {
            throw new IllegalStateException("connection refused");
        }, () -> {
            throw new IllegalStateException("connection refused");
        });
        assertThat(gauge("sagaflow.instances", "state", "RUNNING")).isNaN();
        assertThat(gauge("sagaflow.store.reachable")).isZero();

        metrics.watch(() -> Map.of(), () -> new NodeHealth("n1", false, "timeout", 0, 0, Duration.ZERO, null));
        assertThat(gauge("sagaflow.store.reachable")).isZero();
    }

    @Test
    void aReadThatHangsDoesNotHoldTheScrapeAndLandsForALaterOne() throws Exception {
        SagaflowMetrics metrics = SagaflowMetrics.builder().refreshEvery(Duration.ZERO).scrapeWait(Duration.ZERO).build();
        metrics.bindTo(registry);
        CountDownLatch storeAnswers = new CountDownLatch(1);
        metrics.watch(() -> {
            try {
                storeAnswers.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Map.of(SagaState.WAITING, 9L);
        }, null);
        assertThat(gauge("sagaflow.instances", "state", "WAITING")).as("nothing read yet").isNaN();
        storeAnswers.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge("sagaflow.instances", "state", "WAITING") == 9);
    }

    @Test
    void badOptionsAreRefusedNamingThem() {
        assertThatThrownBy(() -> SagaflowMetrics.builder().refreshEvery(Duration.ofSeconds(-1)))
                .hasMessage("refreshEvery must be zero or positive; was PT-1S");
        assertThatThrownBy(() -> SagaflowMetrics.builder().scrapeWait(null))
                .hasMessage("scrapeWait must be zero or positive; was null");
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }
}
