package dev.sagaflow.harness;

import dev.sagaflow.Fallback;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepContext;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.harness.Harness.Draft;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.CallRecorder;
import dev.sagaflow.testing.Closeables;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.sagaflow.harness.Harness.attempts;
import static dev.sagaflow.harness.Harness.entries;
import static dev.sagaflow.harness.Harness.finish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A node that stops while a fallback is under way or due: another resumes the fallback where the row says. */
class HarnessCrashTest {
    @AutoClose
    final Closeables open = new Closeables();
    final InMemorySagaStore store = new InMemorySagaStore();
    final CallRecorder calls = new CallRecorder();

    SagaEngine node(SagaDefinition<Draft> saga) {
        return SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).leaseDuration(Duration.ofSeconds(1))
                .shutdownWait(Duration.ofMillis(200)).register(saga).build();
    }

    SagaDefinition<Draft> saga(RetryPolicy fallbackRetry, StepAction fallback) {
        return Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> {
                    try (AutoCloseable ignored = calls.begin(c.idempotencyKey())) {
                        throw new IllegalStateException("model unavailable");
                    }
                })
                .retry(attempts(1))
                .fallback(Fallback.of((Draft d, StepContext c) -> {
                    try (AutoCloseable ignored = calls.begin(c.idempotencyKey())) {
                        return fallback.apply(d, c);
                    }
                }).retry(fallbackRetry))
                .build();
    }

    interface StepAction {
        Draft apply(Draft d, StepContext c) throws Exception;
    }

    @Test
    void aFallbackCutOffByTheNodeStoppingIsRunAgainByTheNextUnderTheSameKey() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch firstNodeGone = new CountDownLatch(1);
        StepAction fallback = (d, c) -> {
            inside.countDown();
            firstNodeGone.await();
            return d.written("fallback text", 1, "template");
        };
        SagaEngine first = node(saga(attempts(1), fallback));
        SagaId id = first.start("write", new Draft("c1", null, 0, null), "c1");
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        first.close();
        firstNodeGone.countDown();

        SagaEngine second = open.add(node(saga(attempts(1), fallback)));
        SagaInstance done = finish(second, id);

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.data(Draft.class).by()).isEqualTo("template");
        assertThat(calls.callsByKey()).containsOnly(
                org.assertj.core.api.Assertions.entry(id.value() + "/draft", 1),
                org.assertj.core.api.Assertions.entry(id.value() + "/draft.fallback", 2));
        assertThat(calls.overlaps).isEmpty();
        assertThat(entries(done, HistoryEventType.FALLBACK_STARTED, "draft")).hasSize(1);
    }

    @Test
    void aFallbackRetriedAcrossARestartIsCalledNoMoreThanItsPolicyAllows() throws Exception {
        RetryPolicy threeSlowAttempts = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(300))
                .multiplier(1).jitter(0).build();
        StepAction failing = (d, c) -> {
            throw new IllegalStateException("template service down");
        };
        SagaEngine first = node(saga(threeSlowAttempts, failing));
        SagaId id = first.start("write", new Draft("c2", null, 0, null), "c2");
        await().atMost(Duration.ofSeconds(10)).until(() -> store.history(id.value()).stream()
                .anyMatch(e -> e.type() == HistoryEventType.RETRY_SCHEDULED && "draft.fallback".equals(e.step())));
        first.close();

        SagaEngine second = open.add(node(saga(threeSlowAttempts, failing)));
        SagaInstance done = finish(second, id);

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(calls.calls(id.value() + "/draft")).isEqualTo(1);
        assertThat(calls.calls(id.value() + "/draft.fallback")).isEqualTo(3);
        assertThat(entries(done, HistoryEventType.STEP_FAILED, "draft.fallback")).hasSize(3);
    }
}
