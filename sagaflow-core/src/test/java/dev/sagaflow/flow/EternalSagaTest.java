package dev.sagaflow.flow;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.InvalidSagaDefinitionException;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepContext;
import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loops within a run and continue-as-new: bounded history, keys of their own per pass, nothing doubled or lost. */
class EternalSagaTest {
    /** {@code slot}: the next check's number over all runs; {@code inRun}: checks in this run. */
    public record Monitor(int slot, int inRun, int until) {
        Monitor checked() {
            return new Monitor(slot + 1, inRun + 1, until);
        }

        Monitor nextRun() {
            return new Monitor(slot, 0, until);
        }
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final Map<Integer, AtomicInteger> checks = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> keys = new ConcurrentHashMap<>();
    final List<SagaEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(SagaEngine::close);
    }

    SagaEngine engine(SagaDefinition<?> definition) {
        SagaEngine engine = SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).register(definition).build();
        engines.add(engine);
        return engine;
    }

    SagaDefinition<Monitor> monitor(int checksPerRun, int keepRuns) {
        return Saga.define("monitor", Monitor.class)
                .keepRuns(keepRuns)
                .retriable("check").invoke((m, c) -> {
                    checks.computeIfAbsent(m.slot(), s -> new AtomicInteger()).incrementAndGet();
                    keys.computeIfAbsent(c.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
                    return m.checked();
                })
                .sleep("pause", Duration.ofMillis(1))
                .loopTo("again", "check", m -> m.inRun() < checksPerRun && m.slot() < m.until())
                .continueAsNew("next-run", Monitor::nextRun).when(m -> m.slot() < m.until())
                .build();
    }

    @Test
    void aMonitorLoopsWithinARunAndContinuesAsNewKeepingOnlyItsLastRuns() throws Exception {
        SagaEngine engine = engine(monitor(5, 3));
        SagaId id = engine.start("monitor", new Monitor(0, 0, 23), "m1");

        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(20)).orElseThrow();
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(checks).as("every check once, none lost").hasSize(23)
                .allSatisfy((slot, count) -> assertThat(count.get()).isEqualTo(1));
        assertThat(keys).as("a key of its own per pass").hasSize(23);
        assertThat(keys).containsKey(id.value() + "/check").containsKey(id.value() + "/0.1/check")
                .containsKey(id.value() + "/4.2/check");
        assertThat(StepContext.stepOf(id.value(), id.value() + "/4.2/check")).isEqualTo("check");
        assertThat(store.find(id.value()).orElseThrow().progress().run()).isEqualTo(4);

        List<HistoryEvent> history = done.history();
        assertThat(history.stream().filter(e -> e.type() == HistoryEventType.CONTINUED_AS_NEW)).as("runs 2, 3 and 4 kept")
                .hasSize(3);
        assertThat(history.getFirst().type()).isEqualTo(HistoryEventType.CONTINUED_AS_NEW);
        assertThat(history.getFirst().detail()).contains("run 1 ended", "run 2 begins");
        assertThat(history.stream().filter(e -> e.type() == HistoryEventType.LOOPED_BACK)).isNotEmpty();
        int perRun = 1 + 5 * 5 + 4 * 1 + 1; // started/continued, 5 × (check, wait, fired, looped or passed, …)
        assertThat(history.size()).as("bounded by the runs kept").isLessThan(3 * perRun + 5);
    }

    @Test
    void historyStaysBoundedHoweverManyRuns() throws Exception {
        SagaEngine engine = engine(monitor(1, 2));
        SagaId id = engine.start("monitor", new Monitor(0, 0, 200), "m2");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(checks).hasSize(200);
        assertThat(store.history(id.value()).size()).as("two runs' worth of entries").isLessThanOrEqualTo(2 * 8);
    }

    @Test
    void aRestartBetweenRunsNeitherLosesNorDoublesARun() throws Exception {
        SagaDefinition<Monitor> saga = monitor(2, 2);
        SagaEngine first = engine(saga);
        SagaId id = first.start("monitor", new Monitor(0, 0, 40), "m3");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> checks.size() >= 9);
        first.close();
        engines.remove(first);
        SagaEngine second = engine(saga);
        SagaInstance done = second.awaitTermination(id, Duration.ofSeconds(20)).orElseThrow();
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(checks).hasSize(40).allSatisfy((slot, count) -> assertThat(count.get()).isEqualTo(1));
        assertThat(store.find(id.value()).orElseThrow().progress().run()).isEqualTo(19);
    }

    @Test
    void flowStepsInTheWrongPlaceAreRefusedNamingTheStep() {
        assertThatThrownBy(() -> Saga.define("not-last", Monitor.class)
                .retriable("check").invoke((m, c) -> m)
                .continueAsNew("next", m -> m)
                .retriable("after").invoke((m, c) -> m).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'next' continues as new, so it must be the saga's last step; 'after' follows it");
        assertThatThrownBy(() -> Saga.define("loop-compensatable", Monitor.class)
                .step("reserve").invoke((m, c) -> m).compensateWith((m, c) -> { })
                .retriable("check").invoke((m, c) -> m)
                .loopTo("again", "reserve", m -> true).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'again' loops back to 'reserve', which comes before the point of no return");
        assertThatThrownBy(() -> Saga.define("loop-nowhere", Monitor.class)
                .retriable("check").invoke((m, c) -> m)
                .loopTo("again", "later", m -> true).build())
                .hasMessageContaining("step 'again' loops back to 'later', which is not a step before it");
        assertThatThrownBy(() -> Saga.define("parent", Monitor.class)
                .parallel("fan").branch("forever", b -> b.step("x").invoke((m, c) -> m).continueAsNew("next", m -> m))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'fan': its child saga 'parent.fan.forever' continues as new (step 'next')");
        assertThatThrownBy(() -> Saga.define("keep", Monitor.class).keepRuns(0).retriable("x").invoke((m, c) -> m).build())
                .hasMessageContaining("keepRuns must be >= 1");
    }
}
