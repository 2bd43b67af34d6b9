package dev.sagaflow.participant;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.transport.jdbc.JdbcTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The participant's observability hooks: interceptors around each message's handling, the MDC the
 * handler's log lines carry, and the context its propagation writes into replies and events.
 */
class HandlerInterceptorTest {
    public record Reserve(String sku, int qty) {
    }

    /** What a tracer keeps current on the handling thread, reduced to a string. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @TempDir
    Path dir;
    private Transport transport;
    private Participant participant;

    @BeforeEach
    void openTransport() {
        transport = JdbcTransport.open(dir.resolve("messages.db").toString());
    }

    @AfterEach
    void closeAll() {
        if (participant != null) {
            participant.close();
        }
        transport.close();
    }

    @Test
    void theHandlerRunsInsideTheInterceptorsWithTheSagaInItsMdcAndItsMessagesCarryTheContext() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Logger userLog = (Logger) LoggerFactory.getLogger("warehouse.handlers");
        ListAppender<ILoggingEvent> logLines = new ListAppender<>();
        logLines.start();
        userLog.addAppender(logLines);
        List<Reply> proceeded = new CopyOnWriteArrayList<>();
        participant = Participant.builder("warehouse", dir.resolve("warehouse.db").toString(), transport)
                .interceptor((message, next) -> {
                    calls.add("outer " + MDC.get("saga_id"));
                    CURRENT.set("span-of-" + message.header("trace").orElse("none"));
                    try {
                        Reply reply = next.proceed();
                        proceeded.add(reply);
                        return reply;
                    } finally {
                        CURRENT.remove();
                    }
                })
                .interceptor((message, next) -> {
                    calls.add("inner " + CURRENT.get());
                    return next.proceed();
                })
                .propagation(carrier -> {
                    if (CURRENT.get() != null) {
                        carrier.put("trace", CURRENT.get());
                    }
                })
                .handle("warehouse.commands", "Reserve", Reserve.class, (command, ctx) -> {
                    calls.add("handler");
                    userLog.info("reserving {}", command.sku());
                    ctx.publish("warehouse.events", "StockReserved", command);
                    return Reply.failure("out of stock");
                })
                .build().start();
        List<Message> replies = new CopyOnWriteArrayList<>();
        List<Message> events = new CopyOnWriteArrayList<>();
        transport.subscribe("replies", "engine", replies::add);
        transport.subscribe("warehouse.events", "audit", events::add);

        transport.send(List.of(new Message(Message.newId(), "warehouse.commands", "Reserve", "saga-1", "order-1",
                Map.of(MessageHeaders.REPLY_TO, "replies", MessageHeaders.IDEMPOTENCY_KEY, "saga-1/reserve", "trace", "t1"),
                "{\"sku\":\"A\",\"qty\":1}")));

        await().atMost(Duration.ofSeconds(20)).until(() -> replies.size() == 1 && events.size() == 1);
        userLog.detachAppender(logLines);
        assertThat(calls).containsExactly("outer saga-1", "inner span-of-t1", "handler");
        assertThat(logLines.list).singleElement().extracting(ILoggingEvent::getMDCPropertyMap)
                .as("the handler's own log line carries the saga").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("saga_id", "saga-1").containsEntry("correlation_id", "order-1")
                .containsEntry("step", "reserve").containsEntry("message_type", "Reserve");
        assertThat(proceeded).singleElement().satisfies(r -> assertThat(r.failure()).isEqualTo("out of stock"));
        assertThat(replies.getFirst().header("trace")).as("the reply carries the handling's context").contains("span-of-t1");
        assertThat(events.getFirst().header("trace")).as("so does the event it published").contains("span-of-t1");
    }

    @Test
    void theMdcOfTheHandlingThreadIsPutBackAfterEachMessage() {
        Message command = new Message(Message.newId(), "c", "Reserve", "saga-2", "order-2",
                Map.of(MessageHeaders.IDEMPOTENCY_KEY, "saga-2/reserve"), "{}");
        MDC.put("saga_id", "outer-saga");
        try {
            try (HandlerMdc ignored = HandlerMdc.of(command)) {
                assertThat(MDC.get("saga_id")).isEqualTo("saga-2");
                assertThat(MDC.get("step")).isEqualTo("reserve");
            }
            assertThat(MDC.get("saga_id")).isEqualTo("outer-saga");
            assertThat(MDC.get("step")).isNull();
            assertThat(MDC.get("message_type")).isNull();
        } finally {
            MDC.clear();
        }
    }

    @Test
    void eventsOfAnotherServiceOnASharedChannelAreNotIntercepted() throws Exception {
        List<String> intercepted = new CopyOnWriteArrayList<>();
        participant = Participant.builder("shipping", dir.resolve("shipping.db").toString(), transport)
                .interceptor((message, next) -> {
                    intercepted.add(message.type());
                    return next.proceed();
                })
                .on("orders.events", "OrderPaid", Reserve.class, (event, ctx) -> {
                })
                .build();

        participant.receive(new Message(Message.newId(), "orders.events", "OrderCancelled", "saga-3", null, Map.of(), "{}"));
        participant.receive(new Message(Message.newId(), "orders.events", "OrderPaid", "saga-3", null, Map.of(),
                "{\"sku\":\"A\",\"qty\":1}"));

        assertThat(intercepted).containsExactly("OrderPaid");
    }
}
