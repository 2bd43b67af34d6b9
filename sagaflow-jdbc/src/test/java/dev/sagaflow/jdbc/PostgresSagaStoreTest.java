package dev.sagaflow.jdbc;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.spi.StoreWrite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What only a shared database shows: several nodes at once, notifications, dropped connections. */
class PostgresSagaStoreTest {
    record Order(String id) {
    }

    @RegisterExtension
    static final PostgresTestDatabase database = PostgresTestDatabase.perClass();

    @BeforeEach
    void emptyTables() {
        try (PostgresSagaStore migrated = PostgresSagaStore.connect(database.url(), 1)) {
            database.execute("TRUNCATE saga_instance, saga_history");
        }
    }

    private static SagaRecord due(int i) {
        return SagaRecord.newInstance("s-" + i, "order", 1, "k-" + i, null, "{}", 0, null);
    }

    @Test
    void nodesClaimingAtOnceNeverTakeTheSameInstance() throws Exception {
        try (PostgresSagaStore seed = PostgresSagaStore.connect(database.url(), 2)) {
            List<StoreWrite> inserts = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                inserts.add(new StoreWrite.Insert(due(i), List.of()));
            }
            seed.write(inserts);
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (String node : List.of("node-a", "node-b", "node-c")) {
            running.add(nodes.submit(() -> {
                try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 2)) {
                    List<SagaRecord> batch;
                    do {
                        batch = store.claimDue(node, 1_000, 100_000, Set.of("order"), 40);
                        batch.forEach(r -> claimed.add(r.id()));
                    } while (!batch.isEmpty());
                }
                return null;
            }));
        }
        for (Future<?> node : running) {
            node.get();
        }
        nodes.shutdown();

        assertThat(claimed).hasSize(3_000).doesNotHaveDuplicates();
    }

    @Test
    void anIdleNodeIsWokenByANotificationNotByItsPoll() throws Exception {
        SagaDefinition<Order> saga = Saga.define("order", Order.class).step("only").invoke((o, c) -> o).build();
        try (PostgresSagaStore nodeStore = PostgresSagaStore.connect(database.url());
             SagaEngine node = SagaEngine.builder(nodeStore).register(saga).pollInterval(Duration.ofSeconds(30)).build();
             PostgresSagaStore clientStore = PostgresSagaStore.connect(database.url(), 2);
             SagaEngine client = SagaEngine.builder(clientStore).register(saga).clientOnly().build()) {
            Thread.sleep(500); // the node has polled once and sleeps for 30 s

            long start = System.nanoTime();
            SagaId id = client.start("order", new Order("o-1"), "o-1");
            SagaState end = client.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow().state();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(end).isEqualTo(SagaState.COMPLETED);
            assertThat(millis).as("woken by NOTIFY, not by the 30 s poll").isLessThan(5_000);
        }
    }

    @Test
    void readsSurviveEveryPooledConnectionBeingDroppedAtOnce() throws Exception {
        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 4)) {
            // More readers than connections, each pausing between reads: dropped connections lie idle in
            // the pool, recently used, so the pool hands them out without checking them first.
            ExecutorService readers = Executors.newFixedThreadPool(8);
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                running.add(readers.submit(() -> {
                    while (System.nanoTime() < until) {
                        try {
                            store.countByState("order");
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        Thread.sleep(ThreadLocalRandom.current().nextInt(20));
                    }
                    return null;
                }));
            }
            int dropped = 0;
            for (int i = 0; i < 10; i++) {
                Thread.sleep(200);
                dropped += database.terminateConnections();
            }
            for (Future<?> f : running) {
                f.get();
            }
            readers.shutdown();
            assertThat(dropped).as("connections were dropped").isGreaterThan(10);
            assertThat(failures).as("reads failed although the database was up").isEmpty();
        }
    }

    @Test
    void connectionsDroppedMidRunAreReopenedAndNothingIsLost() throws Exception {
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("a").invoke((o, c) -> {
                    calls.merge(c.idempotencyKey(), 1, Integer::sum);
                    Thread.sleep(5);
                    return o;
                })
                .step("b").invoke((o, c) -> {
                    Thread.sleep(5);
                    return o;
                })
                .build();
        List<Integer> terminated = new CopyOnWriteArrayList<>();
        try (PostgresSagaStore store = PostgresSagaStore.connect(database.url());
             SagaEngine engine = SagaEngine.builder(store).register(saga).build()) {
            List<SagaId> ids = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                ids.add(engine.startAsync("order", new Order("o-" + i), "o-" + i, null).join());
                if (i % 400 == 200) {
                    terminated.add(database.terminateConnections());
                }
            }
            terminated.add(database.terminateConnections());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    engine.countByState("order").getOrDefault(SagaState.COMPLETED, 0L) == 2_000);
            assertThat(engine.list(SagaQuery.all().withStates(SagaState.FAILED))).isEmpty();
        }
        assertThat(terminated.stream().mapToInt(Integer::intValue).sum()).as("connections were dropped").isPositive();
        Set<String> keys = new HashSet<>(calls.keySet());
        assertThat(keys).hasSize(2_000);
        // A dropped connection fails a write, not a step: the recording is retried, never the call.
        assertThat(calls).as("calls per idempotency key").allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
    }

    @Test
    void healthyNodesSharingTheWorkNeverFenceEachOther() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("a").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("flaky").invoke((o, c) -> {
                    if (failedOnce.add(c.idempotencyKey())) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    return o;
                }).retry(dev.sagaflow.RetryPolicy.builder().initialDelay(Duration.ofMillis(20)).build())
                .step("c").invoke((o, c) -> o)
                .build();
        List<PostgresSagaStore> stores = new ArrayList<>();
        List<SagaEngine> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < 3; n++) {
                PostgresSagaStore store = PostgresSagaStore.connect(database.url(), 4);
                stores.add(store);
                nodes.add(SagaEngine.builder(store).register(saga).nodeId("node-" + n).build());
            }
            PostgresSagaStore clientStore = PostgresSagaStore.connect(database.url(), 2);
            stores.add(clientStore);
            SagaEngine client = SagaEngine.builder(clientStore).register(saga).clientOnly().build();
            nodes.add(client);
            for (int i = 0; i < 1_500; i++) {
                client.startAsync("order", new Order("o-" + i), "o-" + i, null);
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    client.countByState("order").getOrDefault(SagaState.COMPLETED, 0L) == 1_500);

            assertThat(nodes.stream().mapToLong(SagaEngine::refusedWrites).sum()).as("writes refused").isZero();
            assertThat(nodes.subList(0, 3)).allMatch(node -> node.commits() > 0);
        } finally {
            nodes.forEach(SagaEngine::close);
            stores.forEach(PostgresSagaStore::close);
        }
    }

    @Test
    void rowsLockedByANodeFrozenMidTransactionAreClaimedOnceItsSessionIsCutOff() throws Exception {
        try (PostgresSagaStore frozen = PostgresSagaStore.connect(database.url(), 1);
             PostgresSagaStore other = PostgresSagaStore.connect(database.url(), 1)) {
            frozen.write(List.of(new StoreWrite.Insert(due(1), List.of())));
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch thaw = new CountDownLatch(1);
            ExecutorService node = Executors.newSingleThreadExecutor();
            // Like a node stopped by SIGSTOP or a long GC pause between two statements of a commit:
            // its connection stays open and its transaction keeps the row locked.
            Future<?> stuck = node.submit(() -> frozen.database().inTransaction(c -> {
                try (var lock = c.prepareStatement("UPDATE saga_instance SET owner = 'node-frozen' WHERE id = 's-1'")) {
                    lock.executeUpdate();
                }
                locked.countDown();
                awaitQuietly(thaw);
                return null;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                long now = System.currentTimeMillis();
                return !other.claimDue("node-b", now, now + 5_000, Set.of("order"), 10).isEmpty();
            });
            System.out.printf("claimed %d ms after the frozen transaction took the lock%n",
                    (System.nanoTime() - started) / 1_000_000);
            thaw.countDown();
            assertThatThrownBy(stuck::get).hasMessageContaining("idle-in-transaction timeout");
            assertThat(other.find("s-1").orElseThrow().owner()).isEqualTo("node-b");
            node.shutdown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedByName() {
        assertThatThrownBy(() -> PostgresSagaStore.connect("jdbc:mysql://localhost/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> PostgresSagaStore.connect("jdbc:postgresql://127.0.0.1:1/none?user=postgres&password=secret"))
                .isInstanceOf(SagaStoreException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("secret");
    }
}
