package dev.sagaflow.faults;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.testing.CallRecorder;
import dev.sagaflow.testing.Closeables;
import dev.sagaflow.testing.FaultInjectingStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node whose claims of new work hang (a slow query, a connection that stopped answering) still
 * renews the leases of the instances it is running: renewal has a heartbeat of its own, so a live
 * node is never taken over because its claim loop is stuck.
 */
class BlockedClaimTest {
    record Order(String id) {
    }

    static final Duration LEASE = Duration.ofMillis(600);

    final InMemorySagaStore memory = new InMemorySagaStore();
    final FaultInjectingStore hanging = new FaultInjectingStore(memory, 1, 0, 0);
    final CallRecorder calls = new CallRecorder();
    final CountDownLatch inSlow = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    @AutoClose
    final Closeables open = new Closeables();

    SagaDefinition<Order> saga() {
        return Saga.define("order", Order.class)
                .step("slow").invoke((o, c) -> {
                    try (AutoCloseable call = calls.begin(c.idempotencyKey())) {
                        inSlow.countDown();
                        release.await();
                    }
                    return o;
                })
                .build();
    }

    SagaEngine node(String nodeId, SagaStore store) {
        SagaEngine engine = SagaEngine.builder(store).nodeId(nodeId).register(saga())
                .pollInterval(Duration.ofMillis(10)).leaseDuration(LEASE).build();
        open.add(engine);
        return engine;
    }

    @Test
    void aClaimThatHangsLongerThanTheLeaseLetsNoOtherNodeTakeOverTheInstanceItRuns() throws Exception {
        SagaEngine stuck = node("stuck", hanging);
        SagaId id = stuck.start("order", new Order("o"), "o");
        assertThat(inSlow.await(5, TimeUnit.SECONDS)).isTrue();
        hanging.blockClaims();
        open.add((AutoCloseable) hanging::unblockClaims);
        await().atMost(Duration.ofSeconds(2)).until(() -> hanging.blockedClaims.get() > 0);

        SagaEngine other = node("other", memory);
        open.add((AutoCloseable) release::countDown);

        // Five leases long: had the renewal waited for the hanging claim, "other" would run the step again.
        await().during(LEASE.multipliedBy(5)).atMost(LEASE.multipliedBy(8))
                .untilAsserted(() -> {
                    assertThat(memory.find(id.value()).orElseThrow().owner()).as("lease owner")
                            .isEqualTo(stuck.leaseOwner());
                    assertThat(calls.calls(id.value() + "/slow")).as("calls of the step").isEqualTo(1);
                });
        release.countDown();
        assertThat(stuck.awaitTermination(id, Duration.ofSeconds(10))).get()
                .extracting(i -> i.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(calls.callsByKey()).containsEntry(id.value() + "/slow", 1);
        assertThat(calls.overlaps).isEmpty();
        assertThat(other.refusedWrites()).isZero();
    }
}
