package dev.sagaflow.micrometer.internal;

import dev.sagaflow.SagaState;
import dev.sagaflow.observe.NodeHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/** The gauges read from {@link StoreReadings}: NaN while a figure is unknown. */
public final class ReadingGauges {
    public static final String INSTANCES = "sagaflow.instances";
    public static final String DUE_WAITING = "sagaflow.due.waiting";
    public static final String DUE_BEHIND = "sagaflow.due.behind";
    public static final String LEASES_HELD = "sagaflow.leases.held";
    public static final String STORE_REACHABLE = "sagaflow.store.reachable";

    private ReadingGauges() {
    }

    public static void register(MeterRegistry registry, Tags common, StoreReadings readings) {
        for (SagaState state : SagaState.values()) {
            Gauge.builder(INSTANCES, readings, r -> count(r.current(), state))
                    .description("Instances in the store by state, of every saga (refreshed at most once per interval)")
                    .tags(common.and("state", state.name())).strongReference(true).register(registry);
        }
        health(registry, common, readings, DUE_WAITING, "Instances due and held by no node (counted up to "
                + NodeHealth.DUE_COUNT_CAP + ")", h -> h.dueWaiting());
        health(registry, common, readings, LEASES_HELD, "Instances this node holds a lease on", h -> h.instancesHeld());
        TimeGauge.builder(DUE_BEHIND, readings, TimeUnit.MILLISECONDS, r -> {
                    NodeHealth h = r.current().health();
                    return h == null ? Double.NaN : h.dueBehind().toMillis();
                }).description("How long the oldest due instance has waited for a node")
                .tags(common).strongReference(true).register(registry);
        Gauge.builder(STORE_REACHABLE, readings, r -> {
                    StoreReadings.Snapshot s = r.current();
                    if (s.health() != null) {
                        return s.health().storeReachable() ? 1 : 0;
                    }
                    return s.healthFailed() ? 0 : Double.NaN;
                }).description("1 when the store answered this node's health read, else 0")
                .tags(common).strongReference(true).register(registry);
    }

    private static double count(StoreReadings.Snapshot s, SagaState state) {
        return s.counts() == null ? Double.NaN : s.counts().getOrDefault(state, 0L);
    }

    private static void health(MeterRegistry registry, Tags common, StoreReadings readings, String name,
                               String description, ToDoubleFunction<NodeHealth> figure) {
        Gauge.builder(name, readings, r -> {
                    NodeHealth h = r.current().health();
                    return h == null ? Double.NaN : figure.applyAsDouble(h);
                }).description(description).tags(common).strongReference(true).register(registry);
    }
}
