package dev.sagaflow.faults;

import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaListener;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.Closeables;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, fault 2: no user callback (listener, condition, payload function, reply handler) leaves an
 * instance held and idle; what it throws fails its attempt, or is logged and the saga goes on.
 */
class ThrowingCallbackTest {
    record Order(String id) {
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    @AutoClose
    final Closeables open = new Closeables();

    SagaEngine.Builder builder() {
        return SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).leaseDuration(Duration.ofSeconds(30));
    }

    SagaEngine build(SagaEngine.Builder b) {
        SagaEngine engine = b.build();
        open.add(engine);
        return engine;
    }

    static SagaInstance finish(SagaEngine engine, SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("stranded: " + engine.get(id)));
    }

    @Test
    void aListenerThatThrowsOnAnAttemptOrAnEndStrandsNothing() throws Exception {
        AtomicInteger attemptCalls = new AtomicInteger();
        AtomicInteger endCalls = new AtomicInteger();
        SagaEngine engine = build(builder().listener(new SagaListener() {
            @Override
            public void onAttemptRecorded(SagaId id, String sagaName, String step, boolean compensation, boolean succeeded,
                                          long latencyNanos) {
                if (attemptCalls.incrementAndGet() % 2 == 1) {
                    throw new IllegalStateException("listener bug");
                }
                throw new AssertionError("an Error, not an Exception");
            }

            @Override
            public void onSagaEnded(SagaId id, String sagaName, SagaState state) {
                endCalls.incrementAndGet();
                throw new IllegalStateException("listener bug at the end");
            }
        }).register(Saga.define("order", Order.class)
                .step("one").invoke((o, c) -> o)
                .step("two").invoke((o, c) -> o)
                .step("three").invoke((o, c) -> o)
                .build()));

        List<SagaId> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(engine.start("order", new Order("o" + i), "k" + i));
        }
        for (SagaId id : ids) {
            assertThat(finish(engine, id).state()).isEqualTo(SagaState.COMPLETED);
        }
        // Listeners hear of a commit after it: the last ones may come just after the saga shows its end.
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptCalls.get() == 60 && endCalls.get() == 20);
    }

    @Test
    void aConditionThatThrowsFailsTheAttemptBeforeIt() throws Exception {
        List<String> undone = new java.util.concurrent.CopyOnWriteArrayList<>();
        SagaEngine engine = build(builder().register(Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> undone.add("reserve"))
                .step("review").when(o -> {
                    throw new IllegalStateException("condition bug");
                }).invoke((o, c) -> o)
                .build()));

        SagaInstance done = finish(engine, engine.start("order", new Order("o"), "k"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("condition bug");
        assertThat(undone).containsExactly("reserve");
    }

    @Test
    void aPayloadFunctionOrReplyHandlerThatThrowsFailsItsAttempt() throws Exception {
        InMemoryTransport transport = new InMemoryTransport();
        open.add(transport);
        open.add(transport.subscribe("svc", "svc", m -> transport.send(List.of(Reply.success(null).toMessage(m)))));
        SagaEngine engine = build(builder().transport(transport).register(Saga.define("remote", Order.class)
                .step("payload-bug").sendCommand("svc", "Do", o -> {
                    if (o.id().startsWith("p")) {
                        throw new IllegalArgumentException("payload bug");
                    }
                    return o;
                }).retry(RetryPolicy.none())
                .step("reply-bug").sendCommand("svc", "Do", o -> o)
                .onReply((o, reply) -> {
                    throw new AssertionError("reply handler bug");
                })
                .build()));

        SagaInstance payloadBug = finish(engine, engine.start("remote", new Order("p"), "p"));
        SagaInstance replyBug = finish(engine, engine.start("remote", new Order("r"), "r"));

        assertThat(payloadBug.state()).isEqualTo(SagaState.FAILED);
        assertThat(payloadBug.failure()).contains("payload bug");
        assertThat(replyBug.state()).isEqualTo(SagaState.FAILED);
        assertThat(replyBug.failure()).contains("reply handler bug");
        assertThat(replyBug.history()).extracting(e -> e.type()).contains(HistoryEventType.STEP_FAILED);
    }

    @Test
    void aStepOrCompensationThatThrowsInterruptedExceptionFailsItsAttemptInsteadOfLettingGo() throws Exception {
        List<String> undone = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger refunds = new AtomicInteger();
        SagaEngine engine = build(builder().register(Saga.define("order", Order.class)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(10)).build())
                .step("charge").invoke((o, c) -> o).compensateWith((o, c) -> {
                    if (refunds.incrementAndGet() == 1) {
                        throw new InterruptedException("the refund client was interrupted");
                    }
                    undone.add("charge");
                })
                .step("ship").invoke((o, c) -> {
                    throw new InterruptedException("the carrier client was interrupted");
                }).retry(RetryPolicy.none())
                .build()));

        SagaInstance done = finish(engine, engine.start("order", new Order("o"), "k"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("carrier client was interrupted");
        assertThat(undone).containsExactly("charge");
        assertThat(refunds.get()).isEqualTo(2);
    }
}
