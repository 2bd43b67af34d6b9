package dev.sagaflow.opentelemetry;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link SagaflowTracing#propagation()} writes: the application's propagators, or W3C trace context when it has none. */
class PropagationTest {

    /** With a processor: an SDK without one makes no recording spans, and so no valid contexts to carry. */
    private static SdkTracerProvider tracerProvider() {
        return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build();
    }

    private static Map<String, String> injectedUnder(OpenTelemetrySdk otel, Context context) {
        Map<String, String> carrier = new HashMap<>();
        try (Scope ignored = context.makeCurrent()) {
            SagaflowTracing.create(otel).propagation().inject(carrier);
        }
        return carrier;
    }

    @Test
    void theApplicationsPropagatorsAreUsedBaggageIncluded() {
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider())
                .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
                .build()) {
            Span span = otel.getTracer("test").spanBuilder("request").startSpan();
            Context context = Context.root().with(span).with(Baggage.builder().put("tenant", "acme").build());

            Map<String, String> carrier = injectedUnder(otel, context);

            assertThat(carrier).containsEntry("baggage", "tenant=acme");
            assertThat(carrier.get("traceparent")).contains(span.getSpanContext().getSpanId());
            span.end();
        }
    }

    @Test
    void withoutPropagatorsTheTraceStillTravelsAsW3cTraceContext() {
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider()).build()) {
            Span span = otel.getTracer("test").spanBuilder("request").startSpan();

            Map<String, String> carrier = injectedUnder(otel, Context.root().with(span)
                    .with(Baggage.builder().put("tenant", "acme").build()));

            assertThat(carrier).containsOnlyKeys("traceparent");
            assertThat(carrier.get("traceparent")).isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                    + span.getSpanContext().getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex());
            span.end();
        }
    }

    @Test
    void noCurrentSpanWritesNothing() {
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider()).build()) {
            assertThat(injectedUnder(otel, Context.root())).isEmpty();
        }
    }
}
