package dev.sagaflow.jdbc;

import dev.sagaflow.Join;
import dev.sagaflow.NonRetryableStepException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Child sagas on three nodes sharing PostgreSQL, one node stopped midway: parents fan out to items
 * and run a sub-saga, children run on whichever node claims them, their ends reach their parents
 * across nodes, failed joins and failed parents undo what ran. Every item is applied under one
 * idempotency key at most (no child started twice) and undone under it exactly when its parent
 * failed, and no commit deadlocks (deliveries lock in id order).
 */
class PostgresChildSagasTest {
    public record Item(String order, int n, boolean fails) {
    }

    public record Order(String id, List<Item> items, boolean failsAfter) {
    }

    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    /**
     * Per effect, the idempotency keys it was applied (or undone) under, as a participant keeps them:
     * steps run at least once (a node starved past its lease is taken over), so a repeated call under
     * the same key is the same effect, and two keys for one effect would be a child started twice.
     */
    static final Map<String, Set<String>> applied = new ConcurrentHashMap<>();
    static final Map<String, Set<String>> undone = new ConcurrentHashMap<>();

    static void count(Map<String, Set<String>> ledger, String effect, String key) {
        ledger.computeIfAbsent(effect, k -> ConcurrentHashMap.newKeySet()).add(key);
    }

    static int times(Map<String, Set<String>> ledger, String effect) {
        return ledger.getOrDefault(effect, Set.of()).size();
    }

    static SagaDefinition<Item> payment() {
        return Saga.define("payment", Item.class)
                .step("authorize").invoke((i, c) -> {
                    count(applied, "pay:" + i.order(), c.idempotencyKey());
                    return i;
                }).compensateWith((i, c) -> count(undone, "pay:" + i.order(), c.idempotencyKey()))
                .build();
    }

    static SagaDefinition<Order> saga() {
        return Saga.define("fan-order", Order.class)
                .forEach("reserve", Order::items, Item.class, b -> b.step("hold").invoke((i, c) -> {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 10));
                    if (i.fails()) {
                        throw new NonRetryableStepException("out of stock");
                    }
                    count(applied, "item:" + i.order() + ":" + i.n(), c.idempotencyKey());
                    return i;
                }).compensateWith((i, c) -> count(undone, "item:" + i.order() + ":" + i.n(), c.idempotencyKey())))
                .maxConcurrency(3).join(Join.all())
                .child("pay", payment(), o -> new Item(o.id(), 0, false), null)
                .step("confirm").invoke((o, c) -> {
                    if (o.failsAfter()) {
                        throw new NonRetryableStepException("declined");
                    }
                    return o;
                })
                .build();
    }

    private long deadlocks() throws Exception {
        try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void threeNodesRunParentsAndChildrenToConsistentEnds() throws Exception {
        long deadlocksBefore = deadlocks();
        int orders = 300;
        List<Order> book = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            List<Item> items = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                items.add(new Item("o" + o, n, o % 10 == 3 && n == 4));
            }
            book.add(new Order("o" + o, items, o % 10 == 7));
        }
        List<PostgresSagaStore> stores = new ArrayList<>();
        List<SagaEngine> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 4);
                stores.add(store);
                nodes.add(SagaEngine.builder(store).nodeId("node-" + n).register(saga())
                        .leaseDuration(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).build());
            }
            for (int i = 0; i < orders; i++) {
                nodes.get(i % 3).startAsync("fan-order", book.get(i), book.get(i).id(), book.get(i).id());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> applied.size() > 200);
            nodes.get(2).close();
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                Map<SagaState, Long> counts = nodes.get(0).countByState("fan-order");
                return counts.getOrDefault(SagaState.COMPLETED, 0L) + counts.getOrDefault(SagaState.FAILED, 0L) == orders;
            });
        } finally {
            nodes.forEach(SagaEngine::close);
            stores.forEach(PostgresSagaStore::close);
        }
        try (Connection c = DriverManager.getConnection(database.url()); Statement s = c.createStatement()) {
            for (Order order : book) {
                boolean shouldFail = order.failsAfter() || order.items().stream().anyMatch(Item::fails);
                try (ResultSet rs = s.executeQuery("SELECT state FROM saga_instance WHERE saga_name = 'fan-order' "
                        + "AND idempotency_key = '" + order.id() + "'")) {
                    rs.next();
                    assertThat(rs.getString(1)).as(order.id()).isEqualTo(shouldFail ? "FAILED" : "COMPLETED");
                }
                for (Item item : order.items()) {
                    String key = "item:" + order.id() + ":" + item.n();
                    int did = times(applied, key);
                    assertThat(did).as(key + " applied under one key at most").isLessThanOrEqualTo(1);
                    assertThat(undone.getOrDefault(key, Set.of())).as(key + " undone, under its key, exactly when its order failed")
                            .isEqualTo(shouldFail ? applied.getOrDefault(key, Set.of()) : Set.of());
                }
                String pay = "pay:" + order.id();
                assertThat(times(applied, pay)).as(pay).isLessThanOrEqualTo(1);
                assertThat(times(undone, pay)).as(pay + " undone").isEqualTo(order.failsAfter() ? 1 : 0);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM saga_instance WHERE parent_id IS NOT NULL "
                    + "AND state NOT IN ('COMPLETED', 'FAILED', 'CANCELLED')")) {
                rs.next();
                assertThat(rs.getLong(1)).as("every child ended").isZero();
            }
        }
        // A backend counts a deadlock in its statistics when it flushes them, at the latest when it ends.
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> deadlocks() == deadlocksBefore);
    }
}
