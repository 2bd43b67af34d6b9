package dev.sagaflow.jdbc;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, fault 8: three healthy nodes on one PostgreSQL database, leases renewed often while commit
 * batches write the same rows, end without one {@code deadlock detected}: every statement that locks
 * several rows locks them in one order, and renewals skip rows a batch is writing.
 */
class PostgresDeadlockTest {
    record Order(String id) {
    }

    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    static SagaDefinition<Order> saga() {
        return Saga.define("order", Order.class)
                .step("reserve").invoke(PostgresDeadlockTest::work).compensateWith((o, c) -> { })
                .step("charge").invoke(PostgresDeadlockTest::work)
                .step("ship").invoke(PostgresDeadlockTest::work)
                .step("confirm").invoke(PostgresDeadlockTest::work)
                .build();
    }

    static Order work(Order o, dev.sagaflow.StepContext c) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 15));
        return o;
    }

    private long deadlocks() throws Exception {
        try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void threeNodesUnderLoadNeverDeadlock() throws Exception {
        long before = deadlocks();
        List<PostgresSagaStore> stores = new ArrayList<>();
        List<SagaEngine> nodes = new ArrayList<>();
        int sagas = 3_000;
        try {
            for (int n = 0; n < 3; n++) {
                PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 4);
                stores.add(store);
                nodes.add(SagaEngine.builder(store).nodeId("node-" + n).register(saga())
                        .leaseDuration(Duration.ofMillis(600)).pollInterval(Duration.ofMillis(20)).build());
            }
            for (int i = 0; i < sagas; i++) {
                nodes.get(i % 3).startAsync("order", new Order("o" + i), "o" + i, "o" + i);
            }
            await().atMost(Duration.ofSeconds(120)).until(() ->
                    nodes.get(0).countByState("order").getOrDefault(SagaState.COMPLETED, 0L) == sagas);
        } finally {
            nodes.forEach(SagaEngine::close);
            stores.forEach(PostgresSagaStore::close);
        }
        // A backend counts a deadlock it detected in its statistics, flushed at the latest when it ends.
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> deadlocks() == before);
        Map<SagaState, Long> counts;
        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 1)) {
            counts = store.countByState("order");
        }
        assertThat(counts).containsExactly(Map.entry(SagaState.COMPLETED, (long) sagas));
    }
}
