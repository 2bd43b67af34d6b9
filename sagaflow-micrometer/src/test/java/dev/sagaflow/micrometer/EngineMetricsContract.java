package dev.sagaflow.micrometer;

import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaStore;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of a real engine, asserted exactly, for sagas that retry, compensate and stall. Each
 * store runs the same suite; events reach the listener after their commit on a virtual thread, so
 * every check waits for the saga's end to be counted first.
 */
abstract class EngineMetricsContract {
    record Order(String id) {
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SagaflowMetrics metrics = SagaflowMetrics.builder().refreshEvery(Duration.ZERO).build();
    SagaStore store;
    SagaEngine engine;

    abstract SagaStore openStore() throws Exception;

    @BeforeEach
    void bind() throws Exception {
        metrics.bindTo(registry);
        store = openStore();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        store.close();
    }

    SagaEngine engine(SagaDefinition<?> definition) {
        engine = SagaEngine.builder(store).register(definition).pollInterval(Duration.ofMillis(20))
                .eventListener(metrics).build();
        metrics.watch(engine);
        return engine;
    }

    static RetryPolicy quickRetries() {
        return RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(20)).build();
    }

    @Test
    void aStepThatFailsOnceIsTimedPerOutcomeAndCountedAsARetry() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        SagaId id = engine(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("charge").invoke((o, c) -> {
                    if (failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("gateway timeout");
                    }
                    return o;
                }).compensateWith((o, c) -> { }).retry(quickRetries())
                .step("ship").invoke((o, c) -> o)
                .build()).start("order", new Order("o1"), "o1");
        awaitEnded("COMPLETED");

        assertThat(engine.get(id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(count("sagaflow.sagas.started", "saga", "order")).isEqualTo(1);
        assertThat(count("sagaflow.step.retries", "saga", "order", "step", "charge")).isEqualTo(1);
        assertThat(attempts("charge", "step", "failed")).isEqualTo(1);
        assertThat(attempts("charge", "step", "succeeded")).isEqualTo(1);
        assertThat(attempts("reserve", "step", "succeeded")).isEqualTo(1);
        assertThat(attempts("ship", "step", "succeeded")).isEqualTo(1);
        assertThat(registry.get("sagaflow.attempt.duration").timers()).as("no other attempt").hasSize(4);
        assertThat(registry.get("sagaflow.attempt.latency").timers()).extracting(Timer::count).containsOnly(1L);
        assertThat(registry.find("sagaflow.compensations.started").counters()).isEmpty();
        assertThat(registry.get("sagaflow.sagas.ended").timers()).hasSize(1);
        assertThat(registry.get("sagaflow.sagas.ended").tag("state", "COMPLETED").timer().totalTime(TimeUnit.NANOSECONDS))
                .as("the saga's time from start to end").isPositive();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("sagaflow.instances", "state", "COMPLETED")).isEqualTo(1);
            assertThat(gauge("sagaflow.instances", "state", "RUNNING")).isZero();
            assertThat(gauge("sagaflow.leases.held")).isZero();
            assertThat(gauge("sagaflow.due.waiting")).isZero();
            assertThat(gauge("sagaflow.store.reachable")).isEqualTo(1);
        });
    }

    @Test
    void aSagaThatCompensatesCountsItsCompensationAndEndsFailed() throws Exception {
        engine(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("charge").invoke((o, c) -> {
                    throw new NonRetryableStepException("card declined");
                }).compensateWith((o, c) -> { })
                .build()).start("order", new Order("o1"), "o1");
        awaitEnded("FAILED");

        assertThat(count("sagaflow.compensations.started", "saga", "order")).isEqualTo(1);
        assertThat(attempts("reserve", "step", "succeeded")).isEqualTo(1);
        assertThat(attempts("charge", "step", "failed")).isEqualTo(1);
        assertThat(attempts("reserve", "compensation", "succeeded")).isEqualTo(1);
        assertThat(registry.get("sagaflow.attempt.duration").timers()).as("the failed step is not compensated").hasSize(3);
        assertThat(registry.find("sagaflow.step.retries").counters()).as("a non-retryable failure is no retry").isEmpty();
        assertThat(registry.get("sagaflow.sagas.ended").timers()).extracting(t -> t.getId().getTag("state"))
                .containsExactly("FAILED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("sagaflow.instances", "state", "FAILED")).isEqualTo(1);
            assertThat(gauge("sagaflow.instances", "state", "COMPLETED")).isZero();
        });
    }

    @Test
    void aCompensationThatKeepsFailingIsCountedAsStalledAndShowsInTheGauge() throws Exception {
        AtomicBoolean refundsWork = new AtomicBoolean();
        SagaId id = engine(Saga.define("order", Order.class)
                .stallAfter(3)
                // After the stall, the next attempts are far apart: the counts stay still while asserted.
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).multiplier(50).maxDelay(Duration.ofMinutes(5)).build())
                .step("charge").invoke((o, c) -> o).compensateWith((o, c) -> {
                    if (!refundsWork.get()) {
                        throw new IllegalStateException("payment service down");
                    }
                })
                .pivot("ship").invoke((o, c) -> {
                    throw new NonRetryableStepException("carrier down");
                })
                .build()).start("order", new Order("o1"), "o1");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("sagaflow.sagas.stalled", "saga", "order", "step", "charge", "flag", "COMPENSATION_STALLED") == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gauge("sagaflow.instances", "state", "COMPENSATION_STALLED")).isEqualTo(1));
        assertThat(attempts("charge", "compensation", "failed")).isEqualTo(3);
        assertThat(count("sagaflow.compensations.started", "saga", "order")).isEqualTo(1);

        refundsWork.set(true);
        engine.retry(id);
        awaitEnded("FAILED");
        assertThat(attempts("charge", "compensation", "succeeded")).isEqualTo(1);
        assertThat(count("sagaflow.sagas.stalled", "saga", "order", "step", "charge", "flag", "COMPENSATION_STALLED"))
                .as("stalled once").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("sagaflow.instances", "state", "COMPENSATION_STALLED")).isZero();
            assertThat(gauge("sagaflow.instances", "state", "FAILED")).isEqualTo(1);
        });
    }

    void awaitEnded(String state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Timer ended = registry.find("sagaflow.sagas.ended").tag("state", state).timer();
            return ended != null && ended.count() == 1;
        });
    }

    long attempts(String step, String kind, String outcome) {
        Timer timer = registry.find("sagaflow.attempt.duration")
                .tags("saga", "order", "step", step, "kind", kind, "outcome", outcome).timer();
        Timer latency = registry.find("sagaflow.attempt.latency")
                .tags("saga", "order", "step", step, "kind", kind, "outcome", outcome).timer();
        long n = timer == null ? 0 : timer.count();
        assertThat(latency == null ? 0 : latency.count()).as("latency recorded with each duration").isEqualTo(n);
        return n;
    }

    double count(String name, String... tags) {
        Search search = registry.find(name).tags(tags);
        return search.counter() == null ? 0 : search.counter().count();
    }

    double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }
}
