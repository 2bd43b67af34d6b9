package dev.sagaflow.opentelemetry.testing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenTelemetry SDK per test that keeps every ended span in memory, with no propagators
 * configured (as {@code OpenTelemetrySdk.builder().build()} leaves it), so the tests also show that
 * the W3C default carries the trace. Register with {@code @RegisterExtension}.
 */
public final class InMemoryTracing implements BeforeEachCallback, AfterEachCallback {
    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk sdk;

    @Override
    public void beforeEach(ExtensionContext context) {
        exporter = InMemorySpanExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sdk.close();
    }

    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** The test's own tracer, for the span that starts a saga and the spans a step or handler makes. */
    public Tracer tracer() {
        return sdk.getTracer("test");
    }

    /** Ended spans so far. */
    public List<SpanData> spans() {
        return exporter.getFinishedSpanItems();
    }

    public List<SpanData> spansNamed(String name) {
        return spans().stream().filter(s -> s.getName().equals(name)).toList();
    }

    public Optional<SpanData> spanNamed(String name) {
        return spans().stream().filter(s -> s.getName().equals(name)).findFirst();
    }

    public SpanData theSpanNamed(String name) {
        List<SpanData> named = spansNamed(name);
        assertThat(named).as("spans named '%s' among %s", name, spans().stream().map(SpanData::getName).toList())
                .hasSize(1);
        return named.getFirst();
    }

    /** Asserts that {@code child} is a child of {@code parent}: same trace, its parent span id. */
    public static void assertChildOf(SpanData child, SpanData parent) {
        assertThat(child.getTraceId()).as("%s in the trace of %s", child.getName(), parent.getName())
                .isEqualTo(parent.getTraceId());
        assertThat(child.getParentSpanId()).as("%s a child of %s", child.getName(), parent.getName())
                .isEqualTo(parent.getSpanId());
    }

    public static void assertChildOf(SpanData child, Span parent) {
        assertThat(child.getTraceId()).as("%s in the starting span's trace", child.getName())
                .isEqualTo(parent.getSpanContext().getTraceId());
        assertThat(child.getParentSpanId()).as("%s a child of the starting span", child.getName())
                .isEqualTo(parent.getSpanContext().getSpanId());
    }
}
