package dev.sagaflow.micrometer;

import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaState;
import dev.sagaflow.micrometer.internal.EventMeters;
import dev.sagaflow.micrometer.internal.ReadingGauges;
import dev.sagaflow.micrometer.internal.StoreReadings;
import dev.sagaflow.observe.NodeHealth;
import dev.sagaflow.observe.SagaEvent;
import dev.sagaflow.observe.SagaEventListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Sagaflow's meters on a Micrometer registry: timers of step and compensation attempts and of whole
 * sagas, counters of retries, compensations, stalls, lost leases and refused writes (all fed by the
 * engine's {@link SagaEvent}s), and gauges of instances by state and of the node's health.
 * <pre>{@code
 * SagaflowMetrics metrics = SagaflowMetrics.boundTo(registry);
 * SagaEngine engine = SagaEngine.builder(store).register(orderSaga).eventListener(metrics).build();
 * metrics.watch(engine);
 * }</pre>
 * Tags are bounded: saga name, step name, kind, outcome, state, flag; never a saga id. The gauges
 * that need a store read (instances by state, due work) read it at most once per
 * {@link Builder#refreshEvery refresh interval}, however often they are scraped.
 */
public final class SagaflowMetrics implements SagaEventListener, MeterBinder {
    private final Tags tags;
    private final StoreReadings readings;
    private final List<EventMeters> registries = new CopyOnWriteArrayList<>();

    private SagaflowMetrics(Builder b) {
        this.tags = b.tags;
        this.readings = new StoreReadings(b.refreshEvery, b.scrapeWait);
    }

    /** Options, each with its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** With the default options, bound to {@code registry}. */
    public static SagaflowMetrics boundTo(MeterRegistry registry) {
        SagaflowMetrics metrics = builder().build();
        metrics.bindTo(registry);
        return metrics;
    }

    /**
     * Registers the gauges on {@code registry} and records every event from now on there too. May be
     * called for several registries; events that came before any was bound are not counted.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        ReadingGauges.register(registry, tags, readings);
        registries.add(new EventMeters(registry, tags));
    }

    /**
     * Feeds the gauges from this engine: instances by state (of every saga on its store) and the
     * node's health. Replaces what was watched before.
     */
    public SagaflowMetrics watch(SagaEngine engine) {
        Objects.requireNonNull(engine, "engine");
        return watch(() -> engine.countByState(null), engine::health);
    }

    /**
     * Feeds the gauge of instances by state from a client (a process that starts and queries sagas but
     * runs none: the health gauges read NaN). Replaces what was watched before.
     */
    public SagaflowMetrics watch(SagaClient client) {
        Objects.requireNonNull(client, "client");
        return watch(() -> client.countByState(null), null);
    }

    SagaflowMetrics watch(Supplier<Map<SagaState, Long>> counts, Supplier<NodeHealth> health) {
        readings.watch(counts, health);
        return this;
    }

    @Override
    public void on(SagaEvent event) {
        for (EventMeters meters : registries) {
            meters.record(event);
        }
    }

    /** Options of {@link SagaflowMetrics}. */
    public static final class Builder {
        private Duration refreshEvery = Duration.ofSeconds(10);
        private Duration scrapeWait = Duration.ofSeconds(2);
        private Tags tags = Tags.empty();

        private Builder() {
        }

        /**
         * How old the store-read gauges (instances by state, due work, leases held, store reachable)
         * may get before a scrape reads them again; zero reads on every scrape. Default: 10 seconds.
         */
        public Builder refreshEvery(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("refreshEvery must be zero or positive; was " + interval);
            }
            this.refreshEvery = interval;
            return this;
        }

        /**
         * How long a scrape waits for a refresh of those gauges before it reports the previous
         * figures (the read goes on and serves a later scrape). Default: 2 seconds.
         */
        public Builder scrapeWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("scrapeWait must be zero or positive; was " + wait);
            }
            this.scrapeWait = wait;
            return this;
        }

        /** Tags added to every meter, e.g. the node's name when one process runs several engines. Default: none. */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        public SagaflowMetrics build() {
            return new SagaflowMetrics(this);
        }
    }
}
