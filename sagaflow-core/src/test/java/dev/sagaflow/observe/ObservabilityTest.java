package dev.sagaflow.observe;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.testing.FaultInjectingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The observability SPI as its users see it: interceptors, lifecycle events, start context, MDC, failure traces, health. */
class ObservabilityTest {
    public record Order(String id, int amount) {
    }

    private static final ThreadLocal<String> CALLER_TRACE = new ThreadLocal<>();
    private static final ContextPropagation TEST_PROPAGATION = carrier -> {
        if (CALLER_TRACE.get() != null) {
            carrier.put("x-trace", CALLER_TRACE.get());
        }
    };

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final List<SagaEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private SagaEngine.Builder builder(SagaDefinition<?> definition) {
        return SagaEngine.builder(store).register(definition).pollInterval(Duration.ofMillis(20))
                .eventListener(events::add).propagation(TEST_PROPAGATION);
    }

    private SagaEngine started(SagaEngine.Builder builder) {
        SagaEngine engine = builder.build();
        open.add(engine);
        return engine;
    }

    private SagaInstance finish(SagaEngine engine, SagaId id) throws InterruptedException {
        return engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("not ended: " + engine.get(id)));
    }

    private static SagaDefinition<Order> failsOnceThenCompletes(AtomicInteger calls) {
        return Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("charge").invoke((o, c) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("card service busy");
                    }
                    return o;
                }).retry(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).build())
                .build();
    }

    private List<SagaEvent> eventsOf(SagaId id) {
        return events.stream().filter(e -> e.saga().id().equals(id)).toList();
    }

    @Test
    void interceptorsNestInTheOrderAddedOnTheThreadThatRunsTheStepAndSeeTheStartContext() throws Exception {
        List<String> trail = new CopyOnWriteArrayList<>();
        Map<String, Thread> stepThreads = new ConcurrentHashMap<>();
        List<StepAttempt> seen = new CopyOnWriteArrayList<>();
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> {
                    trail.add("step " + c.stepName());
                    stepThreads.put(c.stepName(), Thread.currentThread());
                    return o;
                })
                .step("charge").invoke((o, c) -> {
                    stepThreads.put(c.stepName(), Thread.currentThread());
                    return o;
                }).timeout(Duration.ofSeconds(5)) // a time limit runs the call on a thread of its own
                .build();
        Map<String, Thread> interceptorThreads = new ConcurrentHashMap<>();
        SagaEngine engine = started(builder(saga)
                .interceptor((attempt, next) -> {
                    trail.add("outer in " + attempt.step());
                    interceptorThreads.put(attempt.step(), Thread.currentThread());
                    seen.add(attempt);
                    Object result = next.proceed();
                    trail.add("outer out " + attempt.step());
                    return result;
                })
                .interceptor((attempt, next) -> {
                    trail.add("inner in " + attempt.step());
                    return next.proceed();
                }));
        CALLER_TRACE.set("trace-42");
        SagaId id;
        try {
            id = engine.start("order", new Order("o-1", 10), "o-1");
        } finally {
            CALLER_TRACE.remove();
        }
        assertThat(finish(engine, id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(trail).containsSubsequence("outer in reserve", "inner in reserve", "step reserve", "outer out reserve");
        assertThat(interceptorThreads.get("reserve")).isSameAs(stepThreads.get("reserve"));
        assertThat(interceptorThreads.get("charge")).isSameAs(stepThreads.get("charge"));
        assertThat(seen).extracting(StepAttempt::step).containsExactly("reserve", "charge");
        assertThat(seen).allSatisfy(a -> {
            assertThat(a.saga().id()).isEqualTo(id);
            assertThat(a.saga().correlationId()).isEqualTo("o-1");
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.remote()).isFalse();
            assertThat(a.startContext()).containsExactly(Map.entry("x-trace", "trace-42"));
        });
        assertThat(store.find(id.value()).orElseThrow().identity().startContext()).isEqualTo("{\"x-trace\":\"trace-42\"}");
    }

    @Test
    void anInterceptorThatThrowsFailsTheAttemptLikeTheStepWould() throws Exception {
        AtomicInteger intercepted = new AtomicInteger();
        SagaEngine engine = started(builder(failsOnceThenCompletes(new AtomicInteger(1)))
                .interceptor((attempt, next) -> {
                    if (attempt.step().equals("charge") && intercepted.incrementAndGet() == 1) {
                        throw new IllegalArgumentException("interceptor refused");
                    }
                    return next.proceed();
                }));
        SagaId id = engine.start("order", new Order("o-2", 10), "o-2");
        SagaInstance done = finish(engine, id);
        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(done.history()).filteredOn(e -> e.type() == HistoryEventType.STEP_FAILED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("interceptor refused"));
    }

    @Test
    void lifecycleEventsFollowTheHistoryOnceItIsDurable() throws Exception {
        SagaEngine engine = started(builder(failsOnceThenCompletes(new AtomicInteger())));
        SagaId id = engine.start("order", new Order("o-3", 10), "o-3");
        finish(engine, id);
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(id).stream().anyMatch(SagaEvent.Completed.class::isInstance));
        List<SagaEvent> mine = eventsOf(id);
        assertThat(mine).extracting(e -> e.getClass().getSimpleName()).containsSubsequence(
                "AttemptEnded", "AttemptEnded", "StepFailed", "AttemptEnded", "Completed");
        assertThat(mine).filteredOn(SagaEvent.Started.class::isInstance).hasSize(1);
        SagaEvent.StepFailed failed = (SagaEvent.StepFailed) mine.stream().filter(SagaEvent.StepFailed.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(failed.step()).isEqualTo("charge");
        assertThat(failed.retrying()).isTrue();
        assertThat(failed.error()).contains("card service busy");
        List<SagaEvent.AttemptEnded> attempts = mine.stream().filter(SagaEvent.AttemptEnded.class::isInstance)
                .map(SagaEvent.AttemptEnded.class::cast).toList();
        assertThat(attempts).extracting(a -> a.step() + "#" + a.attempt() + ":" + a.succeeded() + ":" + a.errorType())
                .containsExactly("reserve#1:true:null", "charge#1:false:java.lang.IllegalStateException", "charge#2:true:null");
        assertThat(mine.getLast().saga().sagaName()).isEqualTo("order");
    }

    @Test
    void aCompensatedSagaTellsCompensationStartedAndFailed() throws Exception {
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> o).compensateWith((o, c) -> { })
                .step("charge").invoke((o, c) -> {
                    throw new IllegalStateException("declined");
                }).retry(RetryPolicy.builder().maxAttempts(1).build())
                .build();
        SagaEngine engine = started(builder(saga));
        SagaId id = engine.start("order", new Order("o-4", 10), "o-4");
        assertThat(finish(engine, id).state()).isEqualTo(SagaState.FAILED);
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(id).stream().anyMatch(SagaEvent.Failed.class::isInstance));
        List<SagaEvent> mine = eventsOf(id);
        assertThat(mine).extracting(e -> e.getClass().getSimpleName())
                .containsSubsequence("StepFailed", "CompensationStarted", "AttemptEnded", "Failed");
        assertThat(mine).filteredOn(SagaEvent.StepFailed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SagaEvent.StepFailed) e).retrying()).isFalse());
        assertThat(mine).filteredOn(e -> e instanceof SagaEvent.AttemptEnded a && a.compensation()).singleElement()
                .satisfies(e -> assertThat(((SagaEvent.AttemptEnded) e).step()).isEqualTo("reserve"));
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheSaga() throws Exception {
        SagaEngine engine = started(builder(failsOnceThenCompletes(new AtomicInteger()))
                .eventListener(e -> {
                    throw new IllegalStateException("listener broken");
                }));
        SagaId id = engine.start("order", new Order("o-5", 10), "o-5");
        assertThat(finish(engine, id).state()).isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void aFailedAttemptKeepsItsStackTraceInTheHistory() throws Exception {
        SagaEngine engine = started(builder(failsOnceThenCompletes(new AtomicInteger())));
        SagaId id = engine.start("order", new Order("o-6", 10), "o-6");
        HistoryEvent failed = finish(engine, id).history().stream()
                .filter(e -> e.type() == HistoryEventType.STEP_FAILED).findFirst().orElseThrow();
        assertThat(failed.detail()).isEqualTo("java.lang.IllegalStateException: card service busy");
        assertThat(failed.stackTrace()).startsWith("java.lang.IllegalStateException: card service busy")
                .contains("\tat dev.sagaflow.observe.ObservabilityTest");
        assertThat(finish(engine, id).history()).filteredOn(e -> e.type() == HistoryEventType.STEP_SUCCEEDED)
                .allSatisfy(e -> assertThat(e.stackTrace()).isNull());
    }

    @Test
    void aStackTraceLongerThanTheLimitIsCut() throws Exception {
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("deep").invoke((o, c) -> deep(400)).retry(RetryPolicy.builder().maxAttempts(1).build())
                .build();
        SagaEngine engine = started(builder(saga));
        SagaId id = engine.start("order", new Order("o-7", 10), "o-7");
        HistoryEvent failed = finish(engine, id).history().stream()
                .filter(e -> e.type() == HistoryEventType.STEP_FAILED).findFirst().orElseThrow();
        assertThat(failed.stackTrace()).hasSizeLessThanOrEqualTo(HistoryEvent.MAX_STACK_TRACE_CHARS).endsWith("(cut)");
    }

    @Test
    void onlyTheFirstThreeFailedAttemptsKeepTheirTraceSoAStepRetriedForDaysStaysSmall() throws Exception {
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("flaky").invoke((o, c) -> {
                    throw new IllegalStateException("down");
                }).retry(RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofMillis(1)).build())
                .build();
        SagaEngine engine = started(builder(saga));
        SagaId id = engine.start("order", new Order("o-12", 10), "o-12");
        List<HistoryEvent> failures = finish(engine, id).history().stream()
                .filter(e -> e.type() == HistoryEventType.STEP_FAILED).toList();
        assertThat(failures).extracting(HistoryEvent::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(failures).extracting(e -> e.stackTrace() != null).containsExactly(true, true, true, false, false);
        assertThat(failures).allSatisfy(e -> assertThat(e.detail()).isEqualTo("java.lang.IllegalStateException: down"));
    }

    private static Order deep(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("at the bottom");
        }
        return deep(depth - 1);
    }

    @Test
    void userCodeInAStepSeesTheSagaInItsLoggingContext() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        SagaDefinition<Order> saga = Saga.define("order", Order.class)
                .step("reserve").invoke((o, c) -> {
                    seen.putAll(MDC.getCopyOfContextMap());
                    return o;
                }).timeout(Duration.ofSeconds(5))
                .build();
        SagaEngine engine = started(builder(saga));
        SagaId id = engine.start("order", new Order("o-8", 10), "o-8", "corr-8");
        finish(engine, id);
        assertThat(seen).containsEntry("saga_id", id.value()).containsEntry("correlation_id", "corr-8")
                .containsEntry("saga_name", "order").containsEntry("step", "reserve").containsEntry("attempt", "1");
    }

    @Test
    void theEnginesOwnLogLinesAboutASagaCarryItsIdsAndTheUsersToo() throws Exception {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            org.slf4j.Logger users = LoggerFactory.getLogger("shop.payments");
            SagaDefinition<Order> saga = Saga.define("order", Order.class)
                    .step("charge").invoke((o, c) -> {
                        users.info("charging {}", o.id());
                        throw new IllegalStateException("declined");
                    }).retry(RetryPolicy.builder().maxAttempts(1).build())
                    .build();
            SagaEngine engine = started(builder(saga));
            SagaId id = engine.start("order", new Order("o-11", 10), "o-11", "corr-11");
            finish(engine, id);
            List<ILoggingEvent> lines = List.copyOf(appender.list);
            assertThat(lines).filteredOn(e -> e.getLoggerName().equals("shop.payments")).singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("saga_id", id.value())
                            .containsEntry("correlation_id", "corr-11").containsEntry("step", "charge").containsEntry("attempt", "1"));
            assertThat(lines).filteredOn(e -> e.getLoggerName().equals("dev.sagaflow.outcomes")).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry("saga_id", id.value())
                            .containsEntry("correlation_id", "corr-11"));
            assertThat(lines).filteredOn(e -> e.getLoggerName().equals("dev.sagaflow.outcomes")
                    && e.getLevel() == Level.WARN).singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("step", "charge"));
        } finally {
            root.detachAppender(appender);
        }
    }

    @Test
    void aRemoteStepIsInterceptedAndItsCommandCarriesThePropagatedContext() throws Exception {
        Transport transport = new InMemoryTransport();
        open.add(transport);
        List<Message> commands = new CopyOnWriteArrayList<>();
        open.add(transport.subscribe("inventory.commands", "inventory", m -> {
            commands.add(m);
            transport.send(List.of(Reply.success(null).toMessage(m)));
        }));
        SagaDefinition<Order> saga = Saga.define("remote", Order.class)
                .step("reserve").sendCommand("inventory.commands", "Reserve", o -> o)
                .build();
        List<StepAttempt> seen = new CopyOnWriteArrayList<>();
        SagaEngine engine = started(builder(saga).transport(transport).interceptor((attempt, next) -> {
            seen.add(attempt);
            CALLER_TRACE.set("span-of-" + attempt.step()); // what a tracer makes current around the attempt
            try {
                return next.proceed();
            } finally {
                CALLER_TRACE.remove();
            }
        }));
        SagaId id = engine.start("remote", new Order("o-9", 10), "o-9");
        assertThat(finish(engine, id).state()).isEqualTo(SagaState.COMPLETED);
        assertThat(seen).singleElement().satisfies(a -> assertThat(a.remote()).isTrue());
        assertThat(commands).singleElement().satisfies(m -> assertThat(m.header("x-trace")).contains("span-of-reserve"));
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(id).stream().anyMatch(e -> e instanceof SagaEvent.AttemptEnded a
                && a.step().equals("reserve") && a.succeeded()));
    }

    @Test
    void healthTellsTheStoreReachableTheLeasesAndTheDueWork() throws Exception {
        FaultInjectingStore faulty = new FaultInjectingStore(store, 1, 0, 0);
        SagaEngine engine = SagaEngine.builder(faulty).register(failsOnceThenCompletes(new AtomicInteger()))
                .pollInterval(Duration.ofMillis(20)).storeTimeout(Duration.ofSeconds(2)).build();
        open.add(engine);
        SagaId id = engine.start("order", new Order("o-10", 10), "o-10");
        finish(engine, id);
        NodeHealth healthy = engine.health();
        assertThat(healthy.storeReachable()).isTrue();
        assertThat(healthy.dueWaiting()).isZero();
        assertThat(healthy.lastCommit()).isNotNull();
        assertThat(healthy.summary()).contains("store reachable").contains("due work 0");

        faulty.unreachable(true);
        NodeHealth cut = engine.health();
        assertThat(cut.storeReachable()).isFalse();
        assertThat(cut.summary()).contains("UNREACHABLE");
    }
}
