package dev.sagaflow;

import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EngineSmokeTest {
    record Order(String id, int amount, boolean failShipping) {
    }

    @Test
    void runsAndCompensates() throws Exception {
        var effects = ConcurrentHashMap.<String>newKeySet();
        AtomicInteger compensations = new AtomicInteger();
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> { effects.add(c.idempotencyKey()); return o; })
                    .compensateWith((o, c) -> { effects.remove(c.idempotencyKey()); compensations.incrementAndGet(); })
                .step("charge").invoke((o, c) -> { effects.add(c.idempotencyKey()); return o; })
                    .compensateWith((o, c) -> { effects.remove(c.idempotencyKey()); compensations.incrementAndGet(); })
                .pivot("ship").invoke((o, c) -> {
                    if (o.failShipping()) throw new NonRetryableStepException("carrier down");
                    effects.add(c.idempotencyKey()); return o; })
                .retriable("confirm").invoke((o, c) -> { effects.add(c.idempotencyKey()); return o; })
                .build();
        try (SagaEngine engine = SagaEngine.builder(new InMemorySagaStore()).register(saga).build()) {
            List<SagaId> ids = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                ids.add(engine.start("order", new Order("o" + i, 10, i % 10 == 0), "o" + i));
            }
            int completed = 0, failed = 0;
            for (SagaId id : ids) {
                SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(20)).orElseThrow();
                if (done.state() == SagaState.COMPLETED) completed++;
                if (done.state() == SagaState.FAILED) failed++;
            }
            assertThat(completed).isEqualTo(900);
            assertThat(failed).isEqualTo(100);
            assertThat(compensations.get()).isEqualTo(200);
            assertThat(effects).hasSize(900 * 4);
            assertThat(engine.start("order", new Order("o1", 10, false), "o1")).isEqualTo(ids.get(1));
            System.out.println("commits " + engine.commits() + " writes " + engine.writes());
            System.out.println(engine.get(ids.get(0)).history());
        }
    }
}
