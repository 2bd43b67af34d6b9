package dev.sagaflow.opentelemetry;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.opentelemetry.testing.InMemoryTracing;
import dev.sagaflow.participant.CommandRejectedException;
import dev.sagaflow.participant.Participant;
import dev.sagaflow.spi.SagaStore;
import io.opentelemetry.api.common.AttributeKey;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sagaflow.opentelemetry.testing.InMemoryTracing.assertChildOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A remote step across a real transport, engine and participant each with {@link SagaflowTracing}:
 * the participant's handling is in the saga's trace, a child of the step attempt that sent the
 * command, and the handler's own span and the event it publishes continue from there. A transport
 * extends this with its transport (each call another process's) and the engine's store.
 */
public abstract class RemoteStepTracingContract {
    public record Payment(String id, long amount) {
    }

    @RegisterExtension
    final InMemoryTracing tracing = new InMemoryTracing();

    @TempDir
    Path dir;

    protected abstract Transport newTransport() throws Exception;

    protected abstract SagaStore newStore() throws Exception;

    @Test
    void theHandlerRunsInTheSagasTraceUnderTheAttemptThatSentItsCommand() throws Exception {
        String channel = "bank-" + UUID.randomUUID().toString().substring(0, 8);
        SagaDefinition<Payment> pay = Saga.define("pay", Payment.class)
                .step("charge")
                .sendCommand(channel + ".commands", "Charge", p -> p)
                .timeout(Duration.ofSeconds(60))
                .build();
        SagaflowTracing sagaflowTracing = SagaflowTracing.create(tracing.openTelemetry());
        List<Message> events = new CopyOnWriteArrayList<>();
        try (SagaStore store = newStore();
             Transport engineSide = newTransport();
             Transport bankSide = newTransport();
             Participant bank = sagaflowTracing.instrument(Participant.builder("bank", dir.resolve("bank.db").toString(), bankSide))
                     .handle(channel + ".commands", "Charge", Payment.class, (payment, ctx) -> {
                         Span own = tracing.tracer().spanBuilder("write the ledger").startSpan();
                         own.end();
                         if (payment.amount() == 13) {
                             throw new CommandRejectedException("insufficient funds");
                         }
                         ctx.publish(channel + ".events", "Charged", payment);
                         return Reply.success(null);
                     })
                     .build()) {
            bankSide.subscribe(channel + ".events", "audit", events::add);
            bank.start();
            try (SagaEngine engine = sagaflowTracing.instrument(SagaEngine.builder(store)).register(pay)
                    .transport(engineSide).replyChannel(channel + ".replies").build()) {
                Span checkout = tracing.tracer().spanBuilder("checkout").startSpan();
                SagaId paid;
                SagaId declined;
                try (Scope ignored = checkout.makeCurrent()) {
                    paid = engine.start("pay", new Payment("p-1", 50), "p-1");
                    declined = engine.start("pay", new Payment("p-2", 13), "p-2");
                } finally {
                    checkout.end();
                }
                assertThat(engine.awaitTermination(paid, Duration.ofSeconds(60)).orElseThrow().state()).isEqualTo(SagaState.COMPLETED);
                assertThat(engine.awaitTermination(declined, Duration.ofSeconds(60)).orElseThrow().state()).isEqualTo(SagaState.FAILED);
                await().atMost(Duration.ofSeconds(20)).until(() -> tracing.spansNamed("saga pay").size() == 2 && events.size() == 1);

                SpanData attempt = spanOf("saga pay step charge", paid.value());
                assertChildOf(attempt, checkout);
                assertThat(attempt.getKind()).isEqualTo(SpanKind.PRODUCER);
                assertThat(attempt.getAttributes().get(AttributeKey.booleanKey("sagaflow.remote"))).isTrue();

                SpanData handling = spanOf("process Charge", paid.value());
                assertThat(handling.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertChildOf(handling, attempt);
                assertThat(handling.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                        .isEqualTo(channel + ".commands");
                assertThat(handling.getAttributes().get(AttributeKey.stringKey("sagaflow.step"))).isEqualTo("charge");
                assertThat(handling.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
                SpanData ledger = tracing.spansNamed("write the ledger").stream()
                        .filter(s -> s.getParentSpanId().equals(handling.getSpanId())).toList().getFirst();
                assertChildOf(ledger, handling);
                assertThat(events.getFirst().header("traceparent").orElseThrow()).as("the event the handler published continues its span")
                        .startsWith("00-" + handling.getTraceId() + "-" + handling.getSpanId() + "-");

                SpanData refused = spanOf("process Charge", declined.value());
                assertChildOf(refused, spanOf("saga pay step charge", declined.value()));
                assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
                assertThat(refused.getStatus().getDescription()).isEqualTo("failure: insufficient funds");

                SpanData run = spanOf("saga pay", paid.value());
                assertChildOf(run, checkout);
                assertThat(run.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.outcome"))).isEqualTo("completed");
            }
        }
    }

    private SpanData spanOf(String name, String sagaId) {
        List<SpanData> spans = tracing.spansNamed(name).stream()
                .filter(s -> sagaId.equals(s.getAttributes().get(AttributeKey.stringKey("sagaflow.saga.id")))).toList();
        assertThat(spans).as("'%s' spans of saga %s among %s", name, sagaId,
                tracing.spans().stream().map(s -> s.getName() + " " + s.getAttributes().asMap()).toList()).hasSize(1);
        return spans.getFirst();
    }
}
