package dev.sagaflow.cli;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.micrometer.SagaflowMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.Consumer;

/**
 * {@code bench --metrics}: the benchmark's engine with {@link SagaflowMetrics} on a Prometheus
 * registry, as a deployment binds it, so that the same run with and without shows what metrics cost.
 */
final class BenchMetrics implements Consumer<SagaEngine.Builder>, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SagaflowMetrics metrics = SagaflowMetrics.boundTo(registry);

    @Override
    public void accept(SagaEngine.Builder builder) {
        builder.eventListener(metrics);
    }

    /** What the registry saw, scraped as Prometheus would: proof the listener was live during the run. */
    String summary() {
        long ended = registry.find("sagaflow.sagas.ended").timers().stream().mapToLong(Timer::count).sum();
        long attempts = registry.find("sagaflow.attempt.duration").timers().stream().mapToLong(Timer::count).sum();
        return String.format("metrics: %d sagas ended and %d attempts recorded (warm-up included); a scrape is %,d bytes",
                ended, attempts, registry.scrape().length());
    }

    @Override
    public void close() {
        registry.close();
    }
}
