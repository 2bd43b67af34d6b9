package dev.sagaflow.harness;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.spi.SagaStore;

import java.time.Duration;
import java.util.List;

/** What the harness tests share: a draft a model writes, quick retries, an engine that polls often. */
final class Harness {
    /** What an unreliable worker (a model call) produces: a text and how sure it is. */
    public record Draft(String id, String text, double confidence, String by) {
        Draft written(String newText, double sure, String who) {
            return new Draft(id, newText, sure, who);
        }
    }

    private Harness() {
    }

    static RetryPolicy attempts(int n) {
        return RetryPolicy.builder().maxAttempts(n).initialDelay(Duration.ofMillis(10)).jitter(0).build();
    }

    static SagaEngine engine(SagaStore store, SagaDefinition<?> definition) {
        return SagaEngine.builder(store).pollInterval(Duration.ofMillis(20)).register(definition).build();
    }

    static SagaInstance finish(SagaEngine engine, SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("saga did not end: " + engine.get(id)));
    }

    static List<HistoryEvent> entries(SagaInstance instance, HistoryEventType type, String step) {
        return instance.history().stream().filter(e -> e.type() == type && step.equals(e.step())).toList();
    }
}
