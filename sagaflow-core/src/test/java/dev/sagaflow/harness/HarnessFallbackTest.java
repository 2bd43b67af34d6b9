package dev.sagaflow.harness;

import dev.sagaflow.Fallback;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.harness.Harness.Draft;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.testing.Closeables;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sagaflow.harness.Harness.attempts;
import static dev.sagaflow.harness.Harness.entries;
import static dev.sagaflow.harness.Harness.finish;
import static org.assertj.core.api.Assertions.assertThat;

/** A fallback runs in place of a step whose retries are spent, or whose output scores too low. */
class HarnessFallbackTest {
    @AutoClose
    final Closeables open = new Closeables();
    final InMemorySagaStore store = new InMemorySagaStore();
    final List<String> log = new CopyOnWriteArrayList<>();

    private Draft publish(Draft d) {
        log.add("publish " + d.text() + " by " + d.by());
        return d;
    }

    private List<HistoryEventType> types(SagaInstance done) {
        return done.history().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void theFallbackRunsInPlaceOfAStepWhoseRetriesAreSpent() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> log.add("release"))
                .step("draft").invoke((d, c) -> {
                    log.add("draft " + c.attempt());
                    throw new IllegalStateException("model unavailable");
                })
                .retry(attempts(2))
                .fallback(Fallback.of((Draft d, dev.sagaflow.StepContext c) -> {
                    log.add("fallback " + c.idempotencyKey());
                    return d.written("a template text", 1.0, "template");
                }))
                .step("publish").invoke((d, c) -> publish(d))
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("f1", null, 0, null), "f1"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("draft 1", "draft 2", "fallback " + done.id().value() + "/draft.fallback",
                "publish a template text by template");
        assertThat(entries(done, HistoryEventType.FALLBACK_STARTED, "draft")).singleElement()
                .extracting(HistoryEvent::detail).asString()
                .contains("step 'draft' failed after 2 attempts").contains("model unavailable").contains("'draft.fallback'");
        assertThat(types(done)).containsSubsequence(HistoryEventType.STEP_FAILED, HistoryEventType.STEP_FAILED,
                HistoryEventType.FALLBACK_STARTED, HistoryEventType.STEP_SUCCEEDED, HistoryEventType.STEP_SUCCEEDED,
                HistoryEventType.SAGA_COMPLETED).doesNotContain(HistoryEventType.COMPENSATION_STARTED);
        assertThat(entries(done, HistoryEventType.STEP_SUCCEEDED, "draft.fallback")).hasSize(1);
    }

    @Test
    void aNonRetryableFailureGoesToTheFallbackAtOnce() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> {
                    throw new NonRetryableStepException("prompt refused");
                })
                .retry(attempts(5))
                .fallback((d, c) -> d.written("by hand", 1.0, "human"))
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("f2", null, 0, null), "f2"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(entries(done, HistoryEventType.STEP_FAILED, "draft")).hasSize(1);
        assertThat(done.data(Draft.class).by()).isEqualTo("human");
    }

    @Test
    void aLowScoreRunsTheFallbackAndAGoodOneSkipsIt() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> d.written("draft of " + d.id(), d.confidence(), "small-model"))
                .score(Draft::confidence, 0.5)
                .fallback(Fallback.of((Draft d, dev.sagaflow.StepContext c) -> {
                    log.add("fallback saw " + d.text() + " by " + d.by());
                    c.attach("model", "large-model");
                    return d.written("better " + d.text(), 0.95, "large-model");
                }).retry(attempts(2)))
                .step("publish").invoke((d, c) -> publish(d))
                .build()));

        SagaInstance low = finish(engine, engine.start("write", new Draft("low", null, 0.2, null), "low"));
        SagaInstance good = finish(engine, engine.start("write", new Draft("good", null, 0.8, null), "good"));

        assertThat(low.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("fallback saw draft of low by small-model",
                "publish better draft of low by large-model", "publish draft of good by small-model");
        HistoryEvent scored = entries(low, HistoryEventType.STEP_SUCCEEDED, "draft").getFirst();
        assertThat(scored.metadata()).isEqualTo("{\"score\":0.2}");
        assertThat(entries(low, HistoryEventType.FALLBACK_STARTED, "draft")).singleElement()
                .extracting(HistoryEvent::detail).asString().contains("score 0.2 is below the threshold 0.5");
        assertThat(entries(low, HistoryEventType.STEP_SUCCEEDED, "draft.fallback").getFirst().metadata())
                .isEqualTo("{\"model\":\"large-model\"}");

        assertThat(good.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(entries(good, HistoryEventType.STEP_SUCCEEDED, "draft").getFirst().metadata()).isEqualTo("{\"score\":0.8}");
        assertThat(entries(good, HistoryEventType.FALLBACK_STARTED, "draft")).isEmpty();
        assertThat(entries(good, HistoryEventType.STEP_SKIPPED, "draft.fallback")).singleElement()
                .extracting(HistoryEvent::detail).asString().contains("fallback");
    }

    @Test
    void aFallbackThatFailsCompensatesTheEarlierStepsAndTheTimedOutStepItReplaced() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> log.add("release"))
                .step("draft").invoke((d, c) -> {
                    Thread.sleep(5_000);
                    return d;
                })
                .timeout(Duration.ofMillis(50))
                .retry(attempts(1))
                .compensateWith((d, c) -> log.add("undo draft"))
                .fallback(Fallback.of((Draft d, dev.sagaflow.StepContext c) -> {
                    log.add("fallback " + c.attempt());
                    throw new IllegalStateException("no template either");
                }).retry(attempts(2)).compensateWith((d, c) -> log.add("undo fallback")))
                .step("publish").invoke((d, c) -> publish(d))
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("f3", null, 0, null), "f3"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failureReason()).hasValueSatisfying(f -> assertThat(f)
                .contains("step 'draft.fallback' failed after 2 attempts").contains("no template either"));
        // The timed-out call may have taken effect: it is undone although the fallback replaced it; so
        // may the fallback's, which failed with a retryable error (one that may come after its effect).
        assertThat(log).containsExactly("fallback 1", "fallback 2", "undo fallback", "undo draft", "release");
        assertThat(entries(done, HistoryEventType.FALLBACK_STARTED, "draft")).singleElement()
                .extracting(HistoryEvent::detail).asString().contains("timed out");
    }

    @Test
    void aFallbackThatSucceededIsCompensatedLikeTheStepWhenALaterStepFails() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> log.add("release"))
                .step("draft").invoke((d, c) -> d.written("meh", 0.1, "small-model"))
                .score(Draft::confidence, 0.5)
                .fallback(Fallback.of((Draft d, dev.sagaflow.StepContext c) -> d.written("good", 0.9, "large-model"))
                        .compensateWith((d, c) -> log.add("undo fallback " + d.text())))
                .step("publish").invoke((d, c) -> {
                    throw new NonRetryableStepException("channel closed");
                })
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("f4", null, 0, null), "f4"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(log).containsExactly("undo fallback good", "release");
    }

    @Test
    void aStepSkippedByItsConditionSkipsItsFallbackToo() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> {
                    throw new IllegalStateException("never called");
                })
                .when(d -> d.text() == null)
                .fallback((d, c) -> {
                    log.add("fallback");
                    return d;
                })
                .step("publish").invoke((d, c) -> publish(d))
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("f5", "given", 1, "author"), "f5"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(log).containsExactly("publish given by author");
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.STEP_SKIPPED)
                .extracting(HistoryEvent::step).containsExactly("draft", "draft.fallback");
    }

    @Test
    void aPivotsFallbackRunsPastThePointOfNoReturnAndIsRetriedUntilItSucceeds() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fallbackCalls = new java.util.concurrent.atomic.AtomicInteger();
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> log.add("release"))
                .pivot("send").invoke((d, c) -> d.written("sent", 0.1, "small-model"))
                .score(Draft::confidence, 0.5)
                .fallback(Fallback.of((Draft d, dev.sagaflow.StepContext c) -> {
                    if (fallbackCalls.incrementAndGet() < 5) {
                        throw new IllegalStateException("busy");
                    }
                    return d.written("sent again", 0.9, "large-model");
                }).retry(dev.sagaflow.RetryPolicy.builder().maxAttempts(dev.sagaflow.RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(5)).jitter(0).build()))
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("f6", null, 0, null), "f6"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Draft.class).by()).isEqualTo("large-model");
        assertThat(fallbackCalls).hasValue(5);
        assertThat(log).isEmpty();
    }

    @Test
    void aRemoteStepWithNoReplyInTimeIsReplacedByItsFallbackAndStillUndoneWhenTheSagaFails() throws Exception {
        InMemoryTransport transport = open.add(new InMemoryTransport());
        open.add(transport.subscribe("model.commands", "model", command -> {
            log.add(command.type());
            if (command.type().equals("Forget")) {
                transport.send(List.of(Reply.success(null).toMessage(command)));
            }
        }));
        SagaEngine engine = open.add(SagaEngine.builder(store).transport(transport).pollInterval(Duration.ofMillis(20))
                .register(Saga.define("remote-write", Draft.class)
                        .step("draft").sendCommand("model.commands", "Write", d -> d)
                        .compensateWithCommand("model.commands", "Forget", d -> d)
                        .timeout(Duration.ofMillis(100))
                        .retry(attempts(1))
                        .fallback((d, c) -> d.written("template", 1, "template"))
                        .step("publish").invoke((d, c) -> {
                            throw new NonRetryableStepException("channel closed");
                        })
                        .build()).build());

        SagaInstance done = finish(engine, engine.start("remote-write", new Draft("f7", null, 0, null), "f7"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(entries(done, HistoryEventType.FALLBACK_STARTED, "draft")).singleElement()
                .extracting(HistoryEvent::detail).asString().contains("no reply within");
        assertThat(log).containsExactly("Write", "Forget");
        assertThat(entries(done, HistoryEventType.COMPENSATION_SUCCEEDED, "draft")).hasSize(1);
    }
}
