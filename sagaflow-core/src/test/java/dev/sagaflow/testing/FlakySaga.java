package dev.sagaflow.testing;

import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-step saga whose step fails on its first call and succeeds after a fixed, jitter-free backoff. */
public final class FlakySaga {
    private FlakySaga() {
    }

    public static <T> SagaDefinition<T> failingOnce(String name, Class<T> type, AtomicInteger calls, Duration backoff) {
        return Saga.define(name, type)
                .step("flaky").invoke((data, ctx) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("first call fails");
                    }
                    return data;
                }).retry(RetryPolicy.builder().initialDelay(backoff).jitter(0).build())
                .build();
    }
}
