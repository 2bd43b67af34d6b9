package dev.sagaflow.harness;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.harness.Harness.Draft;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.testing.Closeables;
import dev.sagaflow.testing.FaultInjectingStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sagaflow.harness.Harness.attempts;
import static dev.sagaflow.harness.Harness.entries;
import static dev.sagaflow.harness.Harness.finish;
import static org.assertj.core.api.Assertions.assertThat;

/** An output validator turns an output that does not pass into a retryable failed attempt, never into the saga's data. */
class HarnessValidatorTest {
    @AutoClose
    final Closeables open = new Closeables();
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Every data text any write carried to the store. */
    final List<String> written = new CopyOnWriteArrayList<>();
    final FaultInjectingStore store = new FaultInjectingStore(new InMemorySagaStore(), 1, 0, 0)
            .refuseWritesWhere(w -> {
                written.add(w.record().data());
                return false;
            });

    static String nonEmpty(Draft d) {
        return d.text() == null || d.text().isBlank() ? "the text is empty" : null;
    }

    @Test
    void anInvalidOutputIsRetriedUnderTheStepsPolicyAndNeverKeptAsTheData() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> calls.incrementAndGet() < 3 ? d.written(" ", 0.9, "BAD-OUTPUT") : d.written("a fine text", 0.9, "model"))
                .validate(HarnessValidatorTest::nonEmpty)
                .retry(attempts(5))
                .step("publish").invoke((d, c) -> {
                    log.add("publish " + d.text());
                    return d;
                })
                .build()));

        SagaId id = engine.start("write", new Draft("d1", null, 0, null), "d1");
        SagaInstance done = finish(engine, id);

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Draft.class).text()).isEqualTo("a fine text");
        assertThat(log).containsExactly("publish a fine text");
        List<HistoryEvent> failed = entries(done, HistoryEventType.STEP_FAILED, "draft");
        assertThat(failed).extracting(HistoryEvent::attempt).containsExactly(1, 2);
        assertThat(failed).extracting(HistoryEvent::detail).containsOnly("invalid output: the text is empty");
        assertThat(entries(done, HistoryEventType.RETRY_SCHEDULED, "draft")).hasSize(2);
        assertThat(entries(done, HistoryEventType.STEP_SUCCEEDED, "draft")).extracting(HistoryEvent::attempt).containsExactly(3);
        assertThat(written).as("no write ever carried an invalid output").noneMatch(data -> data.contains("BAD-OUTPUT"));
    }

    @Test
    void anOutputStillInvalidWhenRetriesAreSpentCompensatesAndTheStepThatReturnedIsUndoneToo() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> log.add("release"))
                .step("draft").invoke((d, c) -> d.written("", 0.9, "BAD-OUTPUT"))
                .validate(HarnessValidatorTest::nonEmpty)
                .compensateWith((d, c) -> log.add("undo draft of " + d.by()))
                .retry(attempts(2))
                .step("publish").invoke((d, c) -> {
                    log.add("publish");
                    return d;
                })
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("d2", null, 0, "nobody"), "d2"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failureReason()).hasValueSatisfying(f -> assertThat(f)
                .contains("step 'draft' failed after 2 attempts").contains("invalid output: the text is empty"));
        // The call returned each time, so its effect may stand: it is undone, with the data it was given.
        assertThat(log).containsExactly("undo draft of nobody", "release");
        assertThat(written).noneMatch(data -> data.contains("BAD-OUTPUT"));
    }

    @Test
    void aValidatorThatThrowsFailsTheAttemptAndNeverStrandsTheSaga() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> d.written("text", 0.9, "model"))
                .validate(d -> {
                    if (checks.incrementAndGet() == 1) {
                        throw new IllegalStateException("validator bug");
                    }
                    return "";
                })
                .retry(attempts(3))
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("d3", null, 0, null), "d3"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(entries(done, HistoryEventType.STEP_FAILED, "draft")).singleElement().satisfies(e -> {
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.detail()).contains("output validator threw").contains("validator bug");
        });
        assertThat(done.data(Draft.class).text()).isEqualTo("text");
    }

    @Test
    void aRemoteStepsReplyIsValidatedOnceFoldedIntoTheData() throws Exception {
        InMemoryTransport transport = open.add(new InMemoryTransport());
        AtomicInteger commands = new AtomicInteger();
        open.add(transport.subscribe("model.commands", "model", command -> transport.send(List.of(
                Reply.success(commands.incrementAndGet() == 1 ? "" : "a remote text").toMessage(command)))));
        SagaDefinition<Draft> saga = Saga.define("remote-write", Draft.class)
                .step("draft").sendCommand("model.commands", "Write", d -> d)
                .onReply((d, reply) -> d.written(reply.payloadAs(String.class), 0.9, "remote"))
                .validate(HarnessValidatorTest::nonEmpty)
                .retry(attempts(3))
                .build();
        SagaEngine engine = open.add(dev.sagaflow.SagaEngine.builder(store).transport(transport)
                .pollInterval(java.time.Duration.ofMillis(20)).register(saga).build());

        SagaInstance done = finish(engine, engine.start("remote-write", new Draft("d4", null, 0, null), "d4"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Draft.class).text()).isEqualTo("a remote text");
        assertThat(entries(done, HistoryEventType.STEP_FAILED, "draft")).singleElement()
                .extracting(HistoryEvent::detail).isEqualTo("invalid output: the text is empty");
        assertThat(commands).hasValue(2);
    }
}
