package dev.sagaflow.waits;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaDataException;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.SignalReceipt;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Timers and signals on one node and across restarts, on the in-memory store. */
class WaitingSagaTest {
    public record Request(String id, int amount, String decision, String decidedBy, long wakeAtMillis) {
        Request decided(Decision d) {
            return new Request(id, amount, d.approved() ? "approved" : "rejected", d.by(), wakeAtMillis);
        }
    }

    public record Decision(boolean approved, String by) {
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final List<String> log = new CopyOnWriteArrayList<>();
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

    SagaInstance finish(SagaEngine engine, SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("saga did not end: " + engine.get(id)));
    }

    static List<HistoryEventType> types(SagaInstance instance) {
        return instance.history().stream().map(HistoryEvent::type).toList();
    }

    SagaDefinition<Request> approval(Duration managerTimeout, Duration directorTimeout) {
        return Saga.define("approval", Request.class)
                .step("reserve").invoke((r, c) -> {
                    log.add("reserve " + r.id());
                    return r;
                }).compensateWith((r, c) -> log.add("release " + r.id()))
                .awaitSignal("manager", "decision", Decision.class, Request::decided)
                .timeout(managerTimeout).onTimeoutEscalateTo("director")
                .awaitSignal("director", "director-decision", Decision.class, Request::decided)
                .timeout(directorTimeout)
                .step("check").invoke((r, c) -> {
                    if (!"approved".equals(r.decision())) {
                        throw new dev.sagaflow.NonRetryableStepException("rejected by " + r.decidedBy());
                    }
                    return r;
                })
                .pivot("order").invoke((r, c) -> {
                    log.add("order " + r.id());
                    return r;
                })
                .build();
    }

    @Test
    void aTimerHoldsTheSagaUntilItsDueTimeAndNoLonger() throws Exception {
        SagaEngine engine = engine(Saga.define("nap", Request.class)
                .step("a").invoke((r, c) -> { log.add("a"); return r; })
                .sleep("nap", Duration.ofMillis(300))
                .step("b").invoke((r, c) -> { log.add("b"); return r; })
                .build());
        long started = System.currentTimeMillis();
        SagaId id = engine.start("nap", new Request("r1", 1, null, null, 0), "r1");

        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(id).state() == SagaState.WAITING);
        assertThat(engine.get(id).currentStep()).isEqualTo("nap");
        assertThat(log).containsExactly("a");
        SagaInstance done = finish(engine, id);

        assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(300);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("a", "b");
        assertThat(types(done)).containsSubsequence(HistoryEventType.WAIT_STARTED, HistoryEventType.TIMER_FIRED,
                HistoryEventType.STEP_SUCCEEDED, HistoryEventType.SAGA_COMPLETED);
    }

    @Test
    void aTimerThatIsDueWhileNoNodeRunsFiresWhenOneStarts() throws Exception {
        SagaDefinition<Request> saga = Saga.define("nap", Request.class)
                .sleepUntil("until", r -> Instant.ofEpochMilli(r.wakeAtMillis()))
                .step("b").invoke((r, c) -> { log.add("b"); return r; })
                .build();
        SagaEngine first = engine(saga);
        SagaId id = first.start("nap", new Request("r1", 1, null, null, System.currentTimeMillis() + 200), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> first.get(id).state() == SagaState.WAITING);
        first.close();
        Thread.sleep(300);
        assertThat(log).isEmpty();

        SagaEngine second = engine(saga);
        assertThat(finish(second, id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("b");
    }

    @Test
    void theAwaitedSignalFoldsItsPayloadAndTheSagaGoesOn() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(id).state() == SagaState.WAITING);

        SignalReceipt receipt = engine.client().signal(id, "decision", new Decision(true, "manager"), "d-1");

        SagaInstance done = finish(engine, id);
        assertThat(receipt.duplicate()).isFalse();
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Request.class).decidedBy()).isEqualTo("manager");
        assertThat(log).containsExactly("reserve r1", "order r1");
        assertThat(types(done)).contains(HistoryEventType.SIGNAL_RECEIVED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.STEP_SKIPPED)
                .extracting(HistoryEvent::step).containsExactly("director");
        assertThat(store.inbox(id.value()).pending()).isEmpty();
    }

    @Test
    void aSignalThatComesBeforeItsWaitIsKeptAndTaken() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SagaEngine engine = engine(Saga.define("early", Request.class)
                .step("slow").invoke((r, c) -> {
                    inStep.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return r;
                })
                .awaitSignal("wait", "decision", Decision.class, Request::decided).timeout(Duration.ofSeconds(30))
                .build());
        SagaId id = engine.start("early", new Request("r1", 10, null, null, 0), "r1");
        assertThat(inStep.await(5, TimeUnit.SECONDS)).isTrue();

        engine.client().signal(id, "decision", new Decision(false, "early bird"), "d-1");
        release.countDown();

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Request.class).decidedBy()).isEqualTo("early bird");
        assertThat(types(done)).doesNotContain(HistoryEventType.WAIT_STARTED).contains(HistoryEventType.SIGNAL_RECEIVED);
    }

    @Test
    void aDuplicateSignalIsAppliedOnceAndASecondSignalWaitsForNoOne() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(id).state() == SagaState.WAITING);

        SignalReceipt first = engine.client().signal("approval", "r1", "decision", new Decision(true, "m"), "d-1");
        SignalReceipt again = engine.client().signal("approval", "r1", "decision", new Decision(false, "m"), "d-1");

        SagaInstance done = finish(engine, id);
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.SIGNAL_RECEIVED).hasSize(1);
    }

    @Test
    void aSignalThatDoesNotComeInTimeEscalatesThenCompensates() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofMillis(200), Duration.ofMillis(200)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");

        SagaInstance done = finish(engine, id);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("signal 'director-decision' not received in time at step 'director'");
        assertThat(log).containsExactly("reserve r1", "release r1");
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.SIGNAL_TIMED_OUT)
                .extracting(HistoryEvent::step).containsExactly("manager", "director");
    }

    @Test
    void anEscalatedWaitTakesTheDirectorsDecision() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofMillis(150), Duration.ofSeconds(30)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(3)).until(() -> "director".equals(engine.get(id).currentStep())
                && engine.get(id).state() == SagaState.WAITING);

        engine.client().signal(id, "director-decision", new Decision(false, "director"), null);

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("rejected by director");
        assertThat(log).containsExactly("reserve r1", "release r1");
    }

    @Test
    void aSignalThatCannotBeTakenGetsAClearErrorAndChangesNothing() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(id).state() == SagaState.WAITING);
        SagaRecord before = store.find(id.value()).orElseThrow();
        SagaClient client = engine.client();

        assertThatThrownBy(() -> client.signal(id, "approve", new Decision(true, "m"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("awaits no signal named 'approve'");
        assertThatThrownBy(() -> client.signalJson(id, "decision", "{\"approved\":\"maybe\"}", null))
                .isInstanceOf(SagaDataException.class).hasMessageContaining("approved");
        assertThatThrownBy(() -> client.signalJson(id, "decision", "not json", null))
                .isInstanceOf(SagaDataException.class);
        assertThatThrownBy(() -> client.signal(id, "decision", new Decision(true, "m"), "bad\u0000id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signalId");
        assertThat(store.find(id.value())).contains(before);
        assertThat(store.inbox(id.value()).received()).isZero();

        client.signal(id, "decision", new Decision(true, "m"), "d-1");
        SagaInstance done = finish(engine, id);
        assertThatThrownBy(() -> client.signal(id, "decision", new Decision(true, "m"), "d-2"))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("has ended (COMPLETED)");
        assertThat(store.find(id.value()).orElseThrow().version()).isEqualTo(
                store.find(id.value()).orElseThrow().version());
        assertThat(engine.get(id).version()).isEqualTo(done.version());
    }

    @Test
    void aSignalSentWhileNoNodeRunsIsTakenWhenOneStarts() throws Exception {
        SagaDefinition<Request> saga = approval(Duration.ofSeconds(30), Duration.ofSeconds(30));
        SagaEngine first = engine(saga);
        SagaId id = first.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> first.get(id).state() == SagaState.WAITING);
        first.close();

        SagaClient client = SagaClient.builder(store).register(saga).build();
        client.signal(id, "decision", new Decision(true, "m"), "d-1");
        assertThat(store.find(id.value()).orElseThrow().state()).isEqualTo(SagaState.WAITING);

        SagaEngine second = engine(saga);
        assertThat(finish(second, id).state()).isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void aClientWithoutTheDefinitionCancelsASleepingSagaThroughTheStore() throws Exception {
        SagaEngine engine = engine(Saga.define("nap", Request.class)
                .step("a").invoke((r, c) -> { log.add("a"); return r; }).compensateWith((r, c) -> log.add("undo a"))
                .sleep("nap", Duration.ofHours(1))
                .step("b").invoke((r, c) -> { log.add("b"); return r; })
                .build());
        SagaId id = engine.start("nap", new Request("r1", 1, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(id).state() == SagaState.WAITING);

        SagaClient.builder(store).build().cancel(id, "alice", "customer called");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(log).containsExactly("a", "undo a");
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.CANCEL_REQUESTED)
                .extracting(HistoryEvent::detail).singleElement().asString().startsWith("requested by alice: customer called [request ");
    }

    @Test
    void aCancelRequestForASagaWhoseStepRunsIsTakenWhenTheStepReturns() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SagaEngine engine = engine(Saga.define("slow", Request.class)
                .step("a").invoke((r, c) -> {
                    inStep.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    log.add("a");
                    return r;
                }).compensateWith((r, c) -> log.add("undo a"))
                .step("b").invoke((r, c) -> { log.add("b"); return r; })
                .build());
        SagaId id = engine.start("slow", new Request("r1", 1, null, null, 0), "r1");
        assertThat(inStep.await(5, TimeUnit.SECONDS)).isTrue();

        SagaClient.builder(store).build().cancel(id);
        Thread.sleep(200);
        release.countDown();

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(log).containsExactly("a", "undo a");
    }

    @Test
    void aCancelOfAFinishedSagaIsRefusedAtOnce() throws Exception {
        SagaEngine engine = engine(Saga.define("quick", Request.class).step("a").invoke((r, c) -> r).build());
        SagaId id = engine.start("quick", new Request("r1", 1, null, null, 0), "r1");
        finish(engine, id);
        assertThatThrownBy(() -> SagaClient.builder(store).build().cancel(id))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("has ended (COMPLETED)");
    }

    @Test
    void aClientStartsASagaThatANodeRuns() throws Exception {
        SagaDefinition<Request> saga = Saga.define("quick", Request.class)
                .step("a").invoke((r, c) -> { log.add("a " + r.id()); return r; }).build();
        SagaEngine engine = engine(saga);
        SagaClient client = SagaClient.builder(store).register(saga).build();

        SagaId id = client.start("quick", new Request("r1", 1, null, null, 0), "key-1");

        assertThat(client.start("quick", new Request("other", 1, null, null, 0), "key-1")).isEqualTo(id);
        assertThat(finish(engine, id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("a r1");
        assertThat(client.findByCorrelationId("key-1")).extracting(SagaInstance::id).containsExactly(id);
    }

    @Test
    void aLateSignalIsNotTakenByALaterWaitAndChangesNothing() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofMillis(150), Duration.ofSeconds(30)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(3)).until(() -> "director".equals(engine.get(id).currentStep())
                && engine.get(id).state() == SagaState.WAITING);
        long version = engine.get(id).version();

        engine.client().signal(id, "decision", new Decision(true, "manager, too late"), "late-1");
        Thread.sleep(300);

        SagaInstance waiting = engine.get(id);
        assertThat(waiting.state()).isEqualTo(SagaState.WAITING);
        assertThat(waiting.currentStep()).isEqualTo("director");
        assertThat(waiting.data(Request.class).decision()).isNull();
        assertThat(waiting.version()).as("seen once, nothing else").isLessThanOrEqualTo(version + 2);
        assertThat(store.inbox(id.value()).pending()).extracting(s -> s.signalId()).containsExactly("late-1");

        engine.client().signal(id, "director-decision", new Decision(true, "director"), "d-1");
        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Request.class).decidedBy()).isEqualTo("director");
    }

    @Test
    void aSagaWaitingForASignalIsCancelledByTheEngineOrByAClientRequest() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        SagaId direct = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        SagaId requested = engine.start("approval", new Request("r2", 10, null, null, 0), "r2");
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(direct).state() == SagaState.WAITING
                && engine.get(requested).state() == SagaState.WAITING);

        engine.cancel(direct);
        SagaClient.builder(store).build().cancel(requested, "bob", null);

        assertThat(finish(engine, direct).state()).isEqualTo(SagaState.CANCELLED);
        assertThat(finish(engine, requested).state()).isEqualTo(SagaState.CANCELLED);
        assertThat(log).containsExactlyInAnyOrder("reserve r1", "reserve r2", "release r1", "release r2");
        assertThatThrownBy(() -> engine.client().signal(direct, "decision", new Decision(true, "m"), "x"))
                .isInstanceOf(IllegalSagaStateException.class);
    }

    @Test
    void aRetryRequestForASagaThatIsNotCompensatingIsRefusedAtOnce() throws Exception {
        SagaEngine engine = engine(approval(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        SagaId id = engine.start("approval", new Request("r1", 10, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.get(id).state() == SagaState.WAITING);
        assertThatThrownBy(() -> SagaClient.builder(store).build().retry(id))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("only a COMPENSATION_STALLED");
        assertThat(store.inbox(id.value()).received()).isZero();
    }

    // Found in review: an operator's request read together with the awaited signal must not leave the
    // signal marked seen and untaken.
    @Test
    void aRefusedRequestReadWithTheAwaitedSignalLeavesTheSignalToBeTaken() throws Exception {
        SagaDefinition<Request> saga = Saga.define("confirm", Request.class)
                .pivot("ship").invoke((r, c) -> r)
                .awaitSignal("confirmation", "decision", Decision.class, Request::decided)
                .retriable("close").invoke((r, c) -> { log.add("close " + r.decidedBy()); return r; })
                .build();
        SagaEngine first = engine(saga);
        SagaId id = first.start("confirm", new Request("r1", 1, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> first.get(id).state() == SagaState.WAITING);
        first.close();

        SagaClient client = SagaClient.builder(store).register(saga).build();
        client.cancel(id, "carol", "changed my mind");
        client.signal(id, "decision", new Decision(true, "customer"), "c-1");

        SagaEngine second = engine(saga);
        SagaInstance done = finish(second, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("close customer");
        assertThat(types(done)).contains(HistoryEventType.REQUEST_REFUSED, HistoryEventType.SIGNAL_RECEIVED);
    }

    @Test
    void aSignalWhoseHandlerThrowsIsRefusedAndTheNextOneOfThatNameIsTaken() throws Exception {
        SagaDefinition<Request> saga = Saga.define("picky", Request.class)
                .awaitSignal("wait", "decision", Decision.class, (r, d) -> {
                    if ("boom".equals(d.by())) {
                        throw new IllegalArgumentException("not from boom");
                    }
                    return r.decided(d);
                })
                .build();
        SagaEngine first = engine(saga);
        SagaId id = first.start("picky", new Request("r1", 1, null, null, 0), "r1");
        await().atMost(Duration.ofSeconds(2)).until(() -> first.get(id).state() == SagaState.WAITING);
        first.close();
        SagaClient client = SagaClient.builder(store).register(saga).build();
        client.signal(id, "decision", new Decision(true, "boom"), "s-bad");
        client.signal(id, "decision", new Decision(true, "alice"), "s-good");

        SagaInstance done = finish(engine(saga), id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Request.class).decidedBy()).isEqualTo("alice");
        assertThat(types(done)).containsSubsequence(HistoryEventType.SIGNAL_REFUSED, HistoryEventType.SIGNAL_RECEIVED);
    }

    @Test
    void aConditionThatThrowsAfterATimerFailsTheStepInsteadOfStrandingTheSaga() throws Exception {
        SagaEngine engine = engine(Saga.define("nap", Request.class)
                .step("a").invoke((r, c) -> r).compensateWith((r, c) -> log.add("undo a"))
                .sleep("nap", Duration.ofMillis(50))
                .step("b").when(r -> { throw new IllegalStateException("the condition's own bug"); }).invoke((r, c) -> r)
                .build());
        SagaId id = engine.start("nap", new Request("r1", 1, null, null, 0), "r1");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("the condition's own bug");
        assertThat(log).containsExactly("undo a");
    }

    @Test
    void dataLeftByAStepWhoseNextConditionThrowsIsNotKeptInMemory() throws Exception {
        List<Integer> seenByUndo = new CopyOnWriteArrayList<>();
        SagaEngine engine = engine(Saga.define("bump", Request.class)
                .step("bump").invoke((r, c) -> new Request(r.id(), r.amount() + 1, null, null, 0))
                .compensateWith((r, c) -> seenByUndo.add(r.amount()))
                .retry(dev.sagaflow.RetryPolicy.none())
                .step("next").when(r -> { throw new IllegalStateException("cannot decide"); }).invoke((r, c) -> r)
                .build());
        SagaId id = engine.start("bump", new Request("r1", 0, null, null, 0), "r1");

        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(seenByUndo).as("the compensation sees the stored data, as any node would").containsExactly(0);
    }
}
