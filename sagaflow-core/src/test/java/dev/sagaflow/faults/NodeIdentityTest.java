package dev.sagaflow.faults;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.Closeables;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.testing.CallRecorder;
import dev.sagaflow.testing.FaultInjectingStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, fault 4: what proves authorship of a write (write ids, lease owners) is unique per run of
 * a node, whatever name it was given.
 */
class NodeIdentityTest {
    record Order(String id) {
    }

    final InMemorySagaStore memory = new InMemorySagaStore();
    final CallRecorder calls = new CallRecorder();
    @AutoClose
    final Closeables open = new Closeables();

    SagaDefinition<Order> saga(CountDownLatch inSlow, CountDownLatch release) {
        return Saga.define("order", Order.class)
                .step("slow").invoke((o, c) -> {
                    try (AutoCloseable call = calls.begin(c.idempotencyKey())) {
                        inSlow.countDown();
                        release.await();
                    }
                    return o;
                })
                .step("after").invoke((o, c) -> {
                    try (AutoCloseable call = calls.begin(c.idempotencyKey())) {
                        return o;
                    }
                })
                .build();
    }

    SagaEngine node(String nodeId, SagaDefinition<Order> saga, dev.sagaflow.spi.SagaStore store) {
        SagaEngine engine = SagaEngine.builder(store).nodeId(nodeId).register(saga)
                .pollInterval(Duration.ofMillis(10)).leaseDuration(Duration.ofSeconds(20)).build();
        open.add(engine);
        return engine;
    }

    @Test
    void aNodeClosingReleasesOnlyItsOwnLeasesEvenUnderTheSameName() throws Exception {
        CountDownLatch inSlow = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SagaDefinition<Order> saga = saga(inSlow, release);
        SagaEngine first = node("node-x", saga, memory);
        SagaId id = first.start("order", new Order("o"), "o");
        assertThat(inSlow.await(5, TimeUnit.SECONDS)).isTrue();

        SagaEngine twin = node("node-x", saga, memory);
        SagaEngine third = node("node-c", saga, memory);
        twin.close();

        // Had the twin released the row that the first node is running, the third would claim it at once.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> calls.calls(id.value() + "/slow") == 1);
        assertThat(memory.find(id.value()).orElseThrow().owner()).isEqualTo(first.leaseOwner());
        assertThat(first.leaseOwner()).startsWith("node-x").isNotEqualTo(twin.leaseOwner());
        release.countDown();
        assertThat(first.awaitTermination(id, Duration.ofSeconds(10))).get()
                .extracting(i -> i.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(calls.overlaps).isEmpty();
        assertThat(calls.callsByKey()).containsEntry(id.value() + "/slow", 1).containsEntry(id.value() + "/after", 1);
        assertThat(third.nodeId()).isEqualTo("node-c");
    }

    @Test
    void aRestartedNodeNeverTakesItsPredecessorsWriteForItsOwn() throws Exception {
        // The row as a previous run of node "n" left it: its last write id is the first one a run makes.
        CountDownLatch none = new CountDownLatch(0);
        SagaDefinition<Order> saga = saga(new CountDownLatch(1), none);
        FaultInjectingStore store = new FaultInjectingStore(memory, 1, 0, 0);
        SagaEngine previous = SagaEngine.builder(memory).nodeId("n").register(saga).clientOnly().build();
        SagaId id = previous.start("order", new Order("o"), "o");
        previous.close();
        SagaRecord left = memory.find(id.value()).orElseThrow();
        String reused = left.writeId().substring(0, left.writeId().indexOf(':')) + ":1";
        memory.write(List.of(new StoreWrite.Update(left.stamped(new SagaRecord.Fence(left.version() + 1, reused, left.historySize()),
                SagaRecord.Lease.NONE, left.updatedAt()), left.version(), List.of())));
        assertThat(reused).startsWith(left.writeId().substring(0, left.writeId().indexOf(':')));

        // The restarted node's first commit fails before it commits; reading back must not find "its" write id.
        store.failNextWritesBeforeCommit(1);
        SagaEngine restarted = node("n", saga, store);

        assertThat(restarted.awaitTermination(id, Duration.ofSeconds(10))).get()
                .extracting(i -> i.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(store.failedBeforeCommit.get()).isEqualTo(1);
        assertThat(calls.callsByKey()).containsEntry(id.value() + "/slow", 1).containsEntry(id.value() + "/after", 1);
        assertThat(restarted.get(id).history()).filteredOn(e -> e.type() == HistoryEventType.STEP_SUCCEEDED)
                .extracting(HistoryEvent::step).containsExactly("slow", "after");
    }
}
