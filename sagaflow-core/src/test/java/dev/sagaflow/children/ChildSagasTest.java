package dev.sagaflow.children;

import dev.sagaflow.Branch;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Join;
import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Parallel blocks, fan-outs and sub-sagas on one node, on the in-memory store. */
class ChildSagasTest {
    public record Trip(String id, List<String> booked, int failAt) {
        Trip with(String booking) {
            List<String> all = new ArrayList<>(booked);
            all.add(booking);
            return new Trip(id, all, failAt);
        }
    }

    public record Line(String sku, int qty, int score) {
    }

    public record Order(String id, List<Line> lines, List<String> reserved, boolean failAfter) {
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<SagaEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(SagaEngine::close);
    }

    SagaEngine engine(SagaDefinition<?>... definitions) {
        SagaEngine.Builder builder = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20));
        for (SagaDefinition<?> d : definitions) {
            builder.register(d);
        }
        SagaEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    SagaInstance finish(SagaEngine engine, SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("saga did not end: " + engine.get(id)));
    }

    static List<HistoryEventType> types(SagaInstance instance) {
        return instance.history().stream().map(HistoryEvent::type).toList();
    }

    /** A branch step that books {@code what}, failing when told to, and undoes it. */
    void book(dev.sagaflow.SagaBuilder<Trip> b, String what, boolean fails) {
        b.step("book-" + what).invoke((t, c) -> {
            if (fails) {
                throw new NonRetryableStepException(what + " is full");
            }
            log.add("book " + what + " " + c.idempotencyKey());
            return t.with(what);
        }).compensateWith((t, c) -> log.add("cancel " + what + " " + c.idempotencyKey()));
    }

    SagaDefinition<Trip> trip(String name, Join<? super Trip> join, boolean hotelFails, boolean afterFails) {
        return Saga.define(name, Trip.class)
                .step("quote").invoke((t, c) -> {
                    log.add("quote");
                    return t;
                }).compensateWith((t, c) -> log.add("unquote"))
                .parallel("book")
                .branch("flight", b -> book(b, "flight", false))
                .branch("hotel", b -> book(b, "hotel", hotelFails))
                .branch("car", b -> book(b, "car", false))
                .join(join)
                .merge((t, kept) -> {
                    Trip merged = t;
                    for (Branch<Trip> branch : kept) {
                        merged = merged.with(branch.name());
                    }
                    return merged;
                })
                .step("pay").invoke((t, c) -> {
                    if (afterFails) {
                        throw new NonRetryableStepException("card declined");
                    }
                    log.add("pay");
                    return t;
                })
                .build();
    }

    @Test
    void allBranchesCompleteAndTheirDataIsMergedInCompletionOrder() throws Exception {
        SagaEngine engine = engine(trip("trip", Join.all(), false, false));
        SagaId id = engine.start("trip", new Trip("t1", List.of(), 0), "t1");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Trip.class).booked()).containsExactlyInAnyOrder("flight", "hotel", "car");
        assertThat(types(done)).containsSubsequence(HistoryEventType.CHILDREN_STARTED, HistoryEventType.CHILD_ENDED,
                HistoryEventType.JOIN_DECIDED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_COMPLETED);
        assertThat(log).contains("book flight " + id.value() + "/1/0/book-flight", "book hotel " + id.value() + "/1/1/book-hotel",
                "book car " + id.value() + "/1/2/book-car", "pay");

        List<SagaInstance> children = engine.list(SagaQuery.all().withCorrelationId("t1")).stream()
                .filter(i -> !i.id().equals(id)).toList();
        assertThat(children).hasSize(3).allSatisfy(child -> assertThat(child.state()).isEqualTo(SagaState.COMPLETED));
        SagaRecord flight = store.find(id.value() + "/1/0").orElseThrow();
        assertThat(flight.parentId()).isEqualTo(id.value());
        assertThat(flight.sagaName()).isEqualTo("trip.book.flight");
        assertThat(engine.get(new SagaId(flight.id())).history().getFirst().detail())
                .contains("child of saga " + id.value(), "step 'book'", "branch 'flight'");
        assertThat(done.history().stream().filter(e -> e.type() == HistoryEventType.CHILDREN_STARTED).findFirst()
                .orElseThrow().detail()).contains(flight.id());
    }

    @Test
    void aBranchFailingAfterItsSiblingsCompletedUndoesThemLatestFirstAndFailsTheSaga() throws Exception {
        SagaDefinition<Trip> saga = Saga.define("trip-late-failure", Trip.class)
                .step("quote").invoke((t, c) -> t).compensateWith((t, c) -> log.add("unquote"))
                .parallel("book")
                .branch("flight", b -> book(b, "flight", false))
                .branch("car", b -> book(b, "car", false))
                .branch("hotel", b -> b.step("wait-for-siblings").invoke((t, c) -> {
                    await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().filter(l -> l.startsWith("book ")).count() == 2);
                    return t;
                }).compensateWith((t, c) -> log.add("unwait")).step("book-hotel").invoke((t, c) -> {
                    throw new NonRetryableStepException("hotel is full");
                }))
                .build();
        SagaEngine engine = engine(saga);
        SagaId id = engine.start("trip-late-failure", new Trip("t2", List.of(), 0), "t2");

        SagaInstance failed = finish(engine, id);
        assertThat(failed.state()).isEqualTo(SagaState.FAILED);
        assertThat(failed.failureReason().orElseThrow()).contains("join all failed", "1 of 3 branches failed");
        List<String> undone = log.stream().filter(l -> l.startsWith("cancel ")).toList();
        assertThat(undone).hasSize(2);
        List<String> completed = failed.history().stream()
                .filter(e -> e.type() == HistoryEventType.CHILD_ENDED && e.detail().contains(" COMPLETED"))
                .map(e -> e.detail().substring(e.detail().indexOf('\'') + 1, e.detail().indexOf('\'', e.detail().indexOf('\'') + 1)))
                .toList();
        assertThat(completed).containsExactlyInAnyOrder("flight", "car");
        assertThat(undone.stream().map(l -> l.split(" ")[1]).toList()).as("latest completed (as the parent recorded it) undone first")
                .containsExactly(completed.get(1), completed.get(0));
        assertThat(log).containsSubsequence("unwait", "unquote");
        assertThat(log.indexOf("unquote")).as("the saga's own steps after its branches")
                .isGreaterThan(log.indexOf(undone.get(1)));
        for (int branch = 0; branch < 3; branch++) {
            assertThat(store.find(id.value() + "/1/" + branch).orElseThrow().state()).isIn(SagaState.FAILED, SagaState.CANCELLED);
        }
    }

    @Test
    void aQuorumReachedWithASiblingStillRunningCancelsItAndCompensatesWhatItDid() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SagaDefinition<Trip> saga = Saga.define("trip-quorum", Trip.class)
                .parallel("ask")
                .branch("a", b -> book(b, "a", false))
                .branch("b", b -> book(b, "b", false))
                .branch("slow", b -> b.step("first").invoke((t, c) -> {
                    log.add("slow first");
                    return t;
                }).compensateWith((t, c) -> log.add("undo slow first")).step("second").invoke((t, c) -> {
                    slowStarted.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    log.add("slow second returned");
                    return t;
                }).compensateWith((t, c) -> log.add("undo slow second")))
                .join(Join.quorum(2))
                .merge((t, kept) -> new Trip(t.id(), kept.stream().map(Branch::name).toList(), 0))
                .step("after").invoke((t, c) -> {
                    log.add("after " + t.booked());
                    return t;
                })
                .build();
        SagaEngine engine = engine(saga);
        SagaId id = engine.start("trip-quorum", new Trip("t3", List.of(), 0), "t3");
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> types(engine.get(id)).contains(HistoryEventType.JOIN_DECIDED));
        release.countDown();

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Trip.class).booked()).containsExactlyInAnyOrder("a", "b");
        SagaRecord slow = store.find(id.value() + "/0/2").orElseThrow();
        assertThat(slow.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(log).contains("undo slow second", "undo slow first");
        assertThat(log.indexOf("undo slow second")).as("its step under way is compensated only after it returned")
                .isGreaterThan(log.indexOf("slow second returned"));
        assertThat(log.indexOf("after [a, b]") >= 0 || log.indexOf("after [b, a]") >= 0).isTrue();
        assertThat(log).doesNotContain("cancel a " + id.value() + "/0/0/book-a");
    }

    @Test
    void anyKeepsTheFirstToCompleteAndBestOfTheBestScoredAboveTheThreshold() throws Exception {
        SagaDefinition<Order> best = Saga.define("best", Order.class)
                .forEach("workers", Order::lines, Line.class, b -> b.step("work").invoke((line, c) -> {
                    log.add("work " + line.sku());
                    return line;
                }).compensateWith((line, c) -> log.add("discard " + line.sku())))
                .join(Join.bestOf(Line::score, 50))
                .merge((o, kept) -> new Order(o.id(), o.lines(), kept.stream().map(k -> k.data().sku() + "@" + k.score()).toList(), false))
                .build();
        SagaEngine engine = engine(best);
        SagaId id = engine.start("best", new Order("o1", List.of(new Line("small", 1, 40), new Line("large", 1, 90),
                new Line("medium", 1, 70)), List.of(), false), "o1");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Order.class).reserved()).containsExactly("large@90.0");
        assertThat(log).contains("discard small", "discard medium").doesNotContain("discard large");

        SagaId none = engine.start("best", new Order("o2", List.of(new Line("x", 1, 10), new Line("y", 1, 20)), List.of(), false), "o2");
        SagaInstance failed = finish(engine, none);
        assertThat(failed.state()).isEqualTo(SagaState.FAILED);
        assertThat(failed.failureReason().orElseThrow()).contains("no branch scored at least 50.0");
        assertThat(log).contains("discard x", "discard y");
    }

    @Test
    void aJoinThatFailsHandsOverToTheStepsFallbackAfterUndoingItsBranches() throws Exception {
        SagaDefinition<Order> escalating = Saga.define("escalating", Order.class)
                .forEach("workers", Order::lines, Line.class, b -> b.step("work").invoke((line, c) -> {
                    log.add("work " + line.sku());
                    return line;
                }).compensateWith((line, c) -> log.add("discard " + line.sku())))
                .join(Join.bestOf(Line::score, 50))
                .merge((o, kept) -> new Order(o.id(), o.lines(), List.of(kept.getFirst().data().sku()), false))
                .fallback((o, c) -> {
                    log.add("larger worker " + c.idempotencyKey());
                    return new Order(o.id(), o.lines(), List.of("larger"), false);
                })
                .build();
        SagaEngine engine = engine(escalating);
        SagaId id = engine.start("escalating", new Order("f1", List.of(new Line("x", 1, 10), new Line("y", 1, 20)),
                List.of(), false), "f1");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Order.class).reserved()).containsExactly("larger");
        assertThat(log).contains("discard x", "discard y", "larger worker " + id.value() + "/workers.fallback");
        assertThat(log.indexOf("larger worker " + id.value() + "/workers.fallback"))
                .isGreaterThan(Math.max(log.indexOf("discard x"), log.indexOf("discard y")));
        assertThat(types(done)).containsSubsequence(HistoryEventType.JOIN_DECIDED, HistoryEventType.STEP_FAILED,
                HistoryEventType.FALLBACK_STARTED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_COMPLETED);
    }

    @Test
    void callbacksThatThrowFailTheStepAndUndoWhatRanInsteadOfStrandingTheSaga() throws Exception {
        SagaDefinition<Order> badMerge = Saga.define("bad-merge", Order.class)
                .step("open").invoke((o, c) -> o).compensateWith((o, c) -> log.add("close " + o.id()))
                .forEach("reserve", Order::lines, Line.class, b -> b.step("hold").invoke((l, c) -> l)
                        .compensateWith((l, c) -> log.add("release " + l.sku())))
                .merge((o, kept) -> {
                    throw new IllegalStateException("merge bug");
                })
                .build();
        SagaDefinition<Order> badItems = Saga.define("bad-items", Order.class)
                .step("open").invoke((o, c) -> o).compensateWith((o, c) -> log.add("close " + o.id()))
                .forEach("reserve", o -> {
                    throw new IllegalStateException("items bug");
                }, Line.class, b -> b.step("hold").invoke((l, c) -> l))
                .build();
        SagaDefinition<Order> badScore = Saga.define("bad-score", Order.class)
                .forEach("workers", Order::lines, Line.class, b -> b.step("work").invoke((l, c) -> l)
                        .compensateWith((l, c) -> log.add("discard " + l.sku())))
                .join(Join.bestOf(l -> {
                    if (l.sku().equals("broken")) {
                        throw new IllegalStateException("score bug");
                    }
                    return l.score();
                }, 0))
                .merge((o, kept) -> new Order(o.id(), o.lines(), List.of(kept.getFirst().data().sku()), false))
                .build();
        SagaEngine engine = engine(badMerge, badItems, badScore);

        SagaInstance merged = finish(engine, engine.start("bad-merge", new Order("m1", List.of(new Line("a", 1, 0),
                new Line("b", 1, 0)), List.of(), false), "m1"));
        assertThat(merged.state()).isEqualTo(SagaState.FAILED);
        assertThat(merged.failureReason().orElseThrow()).contains("merging them failed", "merge bug");
        assertThat(log).contains("release a", "release b", "close m1");

        SagaInstance items = finish(engine, engine.start("bad-items", new Order("m2", List.of(), List.of(), false), "m2"));
        assertThat(items.state()).isEqualTo(SagaState.FAILED);
        assertThat(items.failureReason().orElseThrow()).contains("items bug");
        assertThat(log).contains("close m2");

        SagaInstance scored = finish(engine, engine.start("bad-score", new Order("m3", List.of(new Line("broken", 1, 99),
                new Line("fine", 1, 5)), List.of(), false), "m3"));
        assertThat(scored.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(scored.data(Order.class).reserved()).as("a branch whose score threw is not kept").containsExactly("fine");
        assertThat(log).contains("discard broken");
    }

    @Test
    void aFanOutRunsAtMostItsConcurrencyAndGivesEachItemItsOwnKeys() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        SagaDefinition<Order> reserve = Saga.define("reserve-lines", Order.class)
                .forEach("reserve", Order::lines, Line.class, b -> b.step("hold").invoke((line, c) -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    keys.add(c.idempotencyKey());
                    Thread.sleep(50);
                    running.decrementAndGet();
                    return line;
                }).compensateWith((line, c) -> log.add("release " + line.sku())))
                .maxConcurrency(2)
                .merge((o, kept) -> new Order(o.id(), o.lines(), kept.stream().map(k -> k.name() + ":" + k.data().sku()).toList(), o.failAfter()))
                .step("charge").invoke((o, c) -> {
                    if (o.failAfter()) {
                        throw new NonRetryableStepException("declined");
                    }
                    return o;
                })
                .build();
        SagaEngine engine = engine(reserve);
        List<Line> lines = List.of(new Line("a", 1, 0), new Line("b", 1, 0), new Line("c", 1, 0), new Line("d", 1, 0),
                new Line("e", 1, 0));
        SagaId id = engine.start("reserve-lines", new Order("o3", lines, List.of(), false), "o3");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(done.data(Order.class).reserved()).hasSize(5);
        assertThat(keys).containsExactlyInAnyOrder(id.value() + "/0/0/hold", id.value() + "/0/1/hold", id.value() + "/0/2/hold",
                id.value() + "/0/3/hold", id.value() + "/0/4/hold");

        SagaId failing = engine.start("reserve-lines", new Order("o4", lines, List.of(), true), "o4");
        SagaInstance failed = finish(engine, failing);
        assertThat(failed.state()).isEqualTo(SagaState.FAILED);
        assertThat(log.stream().filter(l -> l.startsWith("release ")).toList()).hasSize(5);
        assertThat(types(failed)).contains(HistoryEventType.CHILDREN_UNDO_STARTED, HistoryEventType.COMPENSATION_SUCCEEDED);
    }

    @Test
    void aSubSagaFoldsItsDataAndIsCompensatedWhenTheParentFailsLater() throws Exception {
        SagaDefinition<Line> shipping = Saga.define("shipping", Line.class)
                .step("pack").invoke((l, c) -> {
                    log.add("pack " + l.sku());
                    return new Line(l.sku(), l.qty(), 1);
                }).compensateWith((l, c) -> log.add("unpack " + l.sku()))
                .step("label").invoke((l, c) -> {
                    log.add("label " + l.sku());
                    return l;
                }).compensateWith((l, c) -> log.add("unlabel " + l.sku()))
                .build();
        SagaDefinition<Order> order = Saga.define("order-with-shipping", Order.class)
                .child("ship", shipping, o -> o.lines().getFirst(), (o, shipped) -> new Order(o.id(), o.lines(),
                        List.of("shipped " + shipped.sku() + " " + shipped.score()), o.failAfter()))
                .step("invoice").invoke((o, c) -> {
                    if (o.failAfter()) {
                        throw new NonRetryableStepException("no invoice");
                    }
                    return o;
                })
                .build();
        SagaEngine engine = engine(order);

        SagaId ok = engine.start("order-with-shipping", new Order("o5", List.of(new Line("box", 1, 0)), List.of(), false), "o5");
        assertThat(finish(engine, ok).data(Order.class).reserved()).containsExactly("shipped box 1");

        SagaId later = engine.start("order-with-shipping", new Order("o6", List.of(new Line("crate", 1, 0)), List.of(), true), "o6");
        assertThat(finish(engine, later).state()).isEqualTo(SagaState.FAILED);
        assertThat(log).containsSubsequence("pack crate", "label crate", "unlabel crate", "unpack crate");
        SagaRecord child = store.find(later.value() + "/0/0").orElseThrow();
        assertThat(child.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(types(engine.get(new SagaId(child.id())))).containsSubsequence(HistoryEventType.SAGA_COMPLETED,
                HistoryEventType.COMPENSATION_STARTED, HistoryEventType.SAGA_CANCELLED);
    }

    @Test
    void cancellingTheParentCancelsARunningChild() throws Exception {
        CountDownLatch inChild = new CountDownLatch(1);
        SagaDefinition<Line> slow = Saga.define("slow-child", Line.class)
                .step("one").invoke((l, c) -> {
                    log.add("one");
                    return l;
                }).compensateWith((l, c) -> log.add("undo one"))
                .step("two").invoke((l, c) -> {
                    inChild.countDown();
                    Thread.sleep(300);
                    log.add("two returned");
                    return l;
                }).compensateWith((l, c) -> log.add("undo two"))
                .step("three").invoke((l, c) -> {
                    log.add("three");
                    return l;
                })
                .build();
        SagaDefinition<Order> parent = Saga.define("parent-of-slow", Order.class)
                .step("first").invoke((o, c) -> o).compensateWith((o, c) -> log.add("undo first"))
                .child("run", slow, o -> o.lines().getFirst(), null)
                .build();
        SagaEngine engine = engine(parent);
        SagaId id = engine.start("parent-of-slow", new Order("o7", List.of(new Line("x", 1, 0)), List.of(), false), "o7");
        assertThat(inChild.await(5, TimeUnit.SECONDS)).isTrue();
        engine.cancel(id);

        SagaInstance cancelled = finish(engine, id);
        assertThat(cancelled.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(store.find(id.value() + "/1/0").orElseThrow().state()).isEqualTo(SagaState.CANCELLED);
        assertThat(log).doesNotContain("three").containsSubsequence("two returned", "undo two", "undo one", "undo first");
    }

    @Test
    void aFanOutOverAnEmptyListSucceedsAtOnceUnderAllAndFailsUnderAny() throws Exception {
        SagaDefinition<Order> all = Saga.define("empty-all", Order.class)
                .forEach("reserve", Order::lines, Line.class, b -> b.step("hold").invoke((l, c) -> l))
                .build();
        SagaDefinition<Order> any = Saga.define("empty-any", Order.class)
                .forEach("reserve", Order::lines, Line.class, b -> b.step("hold").invoke((l, c) -> l))
                .join(Join.any())
                .build();
        SagaEngine engine = engine(all, any);
        assertThat(finish(engine, engine.start("empty-all", new Order("e1", List.of(), List.of(), false), "e1")).state())
                .isEqualTo(SagaState.COMPLETED);
        SagaInstance failed = finish(engine, engine.start("empty-any", new Order("e2", List.of(), List.of(), false), "e2"));
        assertThat(failed.state()).isEqualTo(SagaState.FAILED);
        assertThat(failed.failureReason().orElseThrow()).contains("cannot be reached with 0 branches");
    }

    @Test
    void aParentRestartedMidJoinFinishesWithEveryBranchOnce() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        CountDownLatch oneDone = new CountDownLatch(1);
        SagaDefinition<Order> fanOut = Saga.define("restart-fan-out", Order.class)
                .forEach("reserve", Order::lines, Line.class, b -> b.step("hold").invoke((l, c) -> {
                    calls.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                    oneDone.countDown();
                    Thread.sleep(100);
                    return l;
                }).retry(RetryPolicy.defaults()))
                .maxConcurrency(3)
                .build();
        SagaEngine first = engine(fanOut);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(new Line("s" + i, 1, 0));
        }
        SagaId id = first.start("restart-fan-out", new Order("r1", lines, List.of(), false), "r1");
        assertThat(oneDone.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(150);
        first.close();
        engines.remove(first);

        SagaEngine second = engine(fanOut);
        SagaInstance done = finish(second, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(calls).hasSize(12);
        assertThat(done.history().stream().filter(e -> e.type() == HistoryEventType.CHILD_ENDED)).hasSize(12);
    }
}
