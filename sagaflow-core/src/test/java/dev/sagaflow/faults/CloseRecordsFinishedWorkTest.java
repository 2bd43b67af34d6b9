package dev.sagaflow.faults;

import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.RepeatedTest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, fault 9: a call that returns while {@code close()} waits for the calls under way has its
 * outcome committed before the engine stops, as the javadoc says.
 */
class CloseRecordsFinishedWorkTest {
    record Order(String id) {
    }

    /**
     * The system clock, slow to answer on the engine's virtual threads once {@code slow} is set: it
     * widens the moment between a call's return and the queuing of its outcome to something a test
     * can hit every time.
     */
    static final class SlowOnStepThreads extends Clock {
        volatile boolean slow;

        @Override
        public long millis() {
            if (slow && Thread.currentThread().isVirtual()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return System.currentTimeMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @RepeatedTest(3)
    void everyCallThatReturnsDuringCloseIsRecorded() throws Exception {
        InMemorySagaStore store = new InMemorySagaStore();
        SlowOnStepThreads clock = new SlowOnStepThreads();
        int sagas = 200;
        CountDownLatch allInside = new CountDownLatch(sagas);
        CountDownLatch release = new CountDownLatch(1);
        SagaEngine engine = SagaEngine.builder(store).clock(clock).maxConcurrentSteps(sagas).shutdownWait(Duration.ofSeconds(10))
                .register(Saga.define("order", Order.class)
                        .step("work").invoke((o, c) -> {
                            allInside.countDown();
                            release.await();
                            return o;
                        })
                        .step("next").invoke((o, c) -> o)
                        .build())
                .build();
        List<SagaId> ids = new ArrayList<>();
        for (int i = 0; i < sagas; i++) {
            ids.add(engine.start("order", new Order("o" + i), "o" + i));
        }
        assertThat(allInside.await(10, TimeUnit.SECONDS)).isTrue();

        clock.slow = true;
        Thread closing = Thread.ofPlatform().start(engine::close);
        release.countDown();
        closing.join(30_000);

        assertThat(closing.isAlive()).isFalse();
        for (SagaId id : ids) {
            assertThat(store.history(id.value())).as("saga %s: 'work' returned during close()", id)
                    .anyMatch(e -> e.type() == HistoryEventType.STEP_SUCCEEDED && "work".equals(e.step()));
        }
    }
}
