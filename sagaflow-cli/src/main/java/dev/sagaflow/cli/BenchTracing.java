package dev.sagaflow.cli;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.opentelemetry.SagaflowTracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code bench --tracing}: the engine traced by sagaflow-opentelemetry on the OpenTelemetry SDK, as a
 * deployment would (every span sampled, batched off the engine's threads), with an exporter that
 * counts the spans and drops them, so the run measures the cost of making spans, not of a network.
 */
final class BenchTracing implements Consumer<SagaEngine.Builder>, AutoCloseable {
    private final AtomicLong exported = new AtomicLong();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter(exported)).build())
                    .build())
            .build();

    @Override
    public void accept(SagaEngine.Builder engine) {
        SagaflowTracing.create(sdk).instrument(engine);
    }

    String summary() {
        sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        return String.format("tracing: %,d spans exported (the batch processor drops spans when its queue is full)",
                exported.get());
    }

    @Override
    public void close() {
        sdk.close();
    }

    private record CountingExporter(AtomicLong exported) implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
