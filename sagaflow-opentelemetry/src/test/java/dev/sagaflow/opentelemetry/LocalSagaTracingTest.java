package dev.sagaflow.opentelemetry;

import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.opentelemetry.testing.InMemoryTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sagaflow.opentelemetry.testing.InMemoryTracing.assertChildOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A saga of local steps on an engine with {@link SagaflowTracing}: the spans and how they link. */
class LocalSagaTracingTest {
    public record Order(String id, long amount) {
    }

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();

    private final AtomicInteger chargeCalls = new AtomicInteger();

    private SagaDefinition<Order> orderSaga() {
        return Saga.define("order", Order.class)
                .step("reserve")
                .invoke((order, ctx) -> {
                    Span own = tracing.tracer().spanBuilder("reserve stock in the warehouse").startSpan();
                    own.end();
                    return order;
                })
                .compensateWith((order, ctx) -> {
                })
                .step("charge")
                .invoke((order, ctx) -> {
                    if (order.amount() > 1000) {
                        throw new NonRetryableStepException("card declined");
                    }
                    if (chargeCalls.incrementAndGet() == 1) {
                        throw new IllegalStateException("payment service busy");
                    }
                    return order;
                })
                .retry(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).build())
                .build();
    }

    private SagaEngine engine(SagaflowTracing sagaflowTracing) {
        return sagaflowTracing.instrument(SagaEngine.builder(new InMemorySagaStore())).register(orderSaga()).build();
    }

    @Test
    void eachAttemptHasASpanUnderTheSpanThatStartedTheSagaAndTheRunHasOneToo() throws Exception {
        SagaflowTracing sagaflowTracing = SagaflowTracing.create(tracing.openTelemetry());
        Span checkout = tracing.tracer().spanBuilder("checkout").startSpan();
        try (SagaEngine engine = engine(sagaflowTracing)) {
            SagaId id;
            try (Scope ignored = checkout.makeCurrent()) {
                id = engine.start("order", new Order("o-1", 50), "o-1");
            } finally {
                checkout.end();
            }
            assertThat(engine.awaitTermination(id, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
            await().atMost(Duration.ofSeconds(10)).until(() -> tracing.spanNamed("saga order").isPresent());

            SagaData saga = new SagaData(id);
            SpanData reserve = tracing.theSpanNamed("saga order step reserve");
            assertChildOf(reserve, checkout);
            assertThat(reserve.getKind()).isEqualTo(SpanKind.INTERNAL);
            saga.assertAttributes(reserve, "reserve", 1, false);
            assertChildOf(tracing.theSpanNamed("reserve stock in the warehouse"), reserve);

            List<SpanData> charges = tracing.spansNamed("saga order step charge").stream()
                    .sorted(Comparator.comparing(SpanData::getStartEpochNanos)).toList();
            assertThat(charges).hasSize(2);
            charges.forEach(charge -> assertChildOf(charge, checkout));
            SpanData busy = charges.get(0);
            saga.assertAttributes(busy, "charge", 1, false);
            assertThat(busy.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(busy.getStatus().getDescription()).isEqualTo("payment service busy");
            assertThat(busy.getEvents()).singleElement().satisfies(e -> {
                assertThat(e.getName()).isEqualTo("exception");
                assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.type")))
                        .isEqualTo(IllegalStateException.class.getName());
            });
            saga.assertAttributes(charges.get(1), "charge", 2, false);
            assertThat(charges.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

            SpanData run = tracing.theSpanNamed("saga order");
            assertChildOf(run, checkout);
            assertThat(run.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.id"))).isEqualTo(id.value());
            assertThat(run.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.outcome"))).isEqualTo("completed");
            // Placed by the stored times of the run's start and end (millisecond precision).
            assertThat(run.getStartEpochNanos()).as("the run begins before its first attempt")
                    .isLessThanOrEqualTo(reserve.getStartEpochNanos());
            assertThat(run.getEndEpochNanos() + 1_000_000).as("and ends after its last attempt began (to the millisecond)")
                    .isGreaterThanOrEqualTo(charges.get(1).getStartEpochNanos());
        }
    }

    @Test
    void aSagaThatFailsHasItsFailureAndItsCompensationsInTheTrace() throws Exception {
        SagaflowTracing sagaflowTracing = SagaflowTracing.create(tracing.openTelemetry());
        Span checkout = tracing.tracer().spanBuilder("checkout").startSpan();
        try (SagaEngine engine = engine(sagaflowTracing)) {
            SagaId id;
            try (Scope ignored = checkout.makeCurrent()) {
                id = engine.start("order", new Order("o-2", 5000), "o-2");
            } finally {
                checkout.end();
            }
            assertThat(engine.awaitTermination(id, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(SagaState.FAILED);
            await().atMost(Duration.ofSeconds(10)).until(() -> tracing.spanNamed("saga order").isPresent());

            SpanData declined = tracing.theSpanNamed("saga order step charge");
            assertThat(declined.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(declined.getStatus().getDescription()).isEqualTo("card declined");
            SpanData release = tracing.theSpanNamed("saga order compensate reserve");
            assertChildOf(release, checkout);
            new SagaData(id).assertAttributes(release, "reserve", 1, true);
            SpanData run = tracing.theSpanNamed("saga order");
            assertThat(run.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(run.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.outcome"))).isEqualTo("failed");
            assertChildOf(run, checkout);
        }
    }

    @Test
    void aSagaStartedOutsideAnySpanStillGetsItsSpansEachAttemptInATraceOfItsOwn() throws Exception {
        try (SagaEngine engine = engine(SagaflowTracing.create(tracing.openTelemetry()))) {
            SagaId id = engine.start("order", new Order("o-3", 50), "o-3");
            assertThat(engine.awaitTermination(id, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
            await().atMost(Duration.ofSeconds(10)).until(() -> tracing.spanNamed("saga order").isPresent());

            SpanData reserve = tracing.theSpanNamed("saga order step reserve");
            assertThat(reserve.getParentSpanContext().isValid()).as("a root span").isFalse();
            new SagaData(id).assertAttributes(reserve, "reserve", 1, false);
            assertChildOf(tracing.theSpanNamed("reserve stock in the warehouse"), reserve);
        }
    }

    /** The attributes every attempt's span carries. */
    private record SagaData(SagaId id) {
        void assertAttributes(SpanData span, String step, long attempt, boolean compensation) {
            assertThat(span.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.id"))).isEqualTo(id.value());
            assertThat(span.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.name"))).isEqualTo("order");
            assertThat(span.getAttributes().get(AttributeKey.stringKey("sagaflow.correlation_id"))).isNotBlank();
            assertThat(span.getAttributes().get(AttributeKey.stringKey("sagaflow.step"))).isEqualTo(step);
            assertThat(span.getAttributes().get(AttributeKey.longKey("sagaflow.attempt"))).isEqualTo(attempt);
            assertThat(span.getAttributes().get(AttributeKey.booleanKey("sagaflow.compensation"))).isEqualTo(compensation);
        }
    }
}
