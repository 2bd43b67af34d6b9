package dev.sagaflow.opentelemetry;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.opentelemetry.testing.InMemoryTracing;
import dev.sagaflow.participant.Participant;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sagaflow.opentelemetry.testing.InMemoryTracing.assertChildOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The participant side alone: a command from any sender that carries W3C trace context is handled
 * in a consumer span continuing it; the reply carries that span on; a throwing handler's span says so.
 */
class ParticipantTracingTest {
    public record Charge(long amount) {
    }

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();

    @TempDir
    Path dir;

    @Test
    void aCommandIsHandledInAConsumerSpanUnderTheSendersSpanAndItsReplyCarriesIt() {
        SagaflowTracing sagaflowTracing = SagaflowTracing.create(tracing.openTelemetry());
        List<Message> replies = new CopyOnWriteArrayList<>();
        try (Transport transport = JdbcTransport.open(dir.resolve("messages.db").toString());
             Participant bank = sagaflowTracing.instrument(Participant.builder("bank", dir.resolve("bank.db").toString(), transport))
                     .handle("bank.commands", "Charge", Charge.class, (charge, ctx) -> {
                         if (charge.amount() < 0) {
                             throw new IllegalArgumentException("negative amount");
                         }
                         return Reply.success(null);
                     })
                     .build().start()) {
            transport.subscribe("replies", "engine", replies::add);
            Span sender = tracing.tracer().spanBuilder("sender").setSpanKind(SpanKind.PRODUCER).startSpan();
            Map<String, String> headers = new HashMap<>(Map.of(MessageHeaders.REPLY_TO, "replies",
                    MessageHeaders.IDEMPOTENCY_KEY, "saga-9/charge"));
            try (Scope ignored = sender.makeCurrent()) {
                sagaflowTracing.propagation().inject(headers);
            } finally {
                sender.end();
            }
            transport.send(List.of(
                    new Message(Message.newId(), "bank.commands", "Charge", "saga-9", "order-9", headers, "{\"amount\":5}"),
                    new Message(Message.newId(), "bank.commands", "Charge", "saga-10", "order-10", Map.of(
                            MessageHeaders.REPLY_TO, "replies"), "{\"amount\":-1}")));

            await().atMost(Duration.ofSeconds(20)).until(() -> replies.size() == 2);
            List<SpanData> handled = tracing.spansNamed("process Charge");
            SpanData charged = handled.stream().filter(s -> s.getTraceId().equals(sender.getSpanContext().getTraceId()))
                    .findFirst().orElseThrow();
            assertChildOf(charged, sender);
            assertThat(charged.getKind()).isEqualTo(SpanKind.CONSUMER);
            Message reply = replies.stream().filter(r -> r.sagaId().equals("saga-9")).findFirst().orElseThrow();
            assertThat(reply.header("traceparent").orElseThrow()).as("the reply continues the handling's span")
                    .startsWith("00-" + charged.getTraceId() + "-" + charged.getSpanId() + "-");

            SpanData failed = handled.stream().filter(s -> s != charged).findFirst().orElseThrow();
            assertThat(failed.getParentSpanContext().isValid()).as("no context came: a trace of its own").isFalse();
            assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(failed.getStatus().getDescription()).startsWith("retryable-failure: ").contains("negative amount");
        }
    }
}
