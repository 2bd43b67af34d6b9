package dev.sagaflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds one waiting step: a durable timer ({@link SagaBuilder#sleep}, {@link SagaBuilder#sleepUntil})
 * or a signal ({@link SagaBuilder#awaitSignal}). Its due time is in the store with the transition that
 * starts the wait, so a restart or another node fires it on time; no thread and no memory is held
 * while it waits. A waiting step has nothing to compensate.
 */
public final class WaitBuilder<D> extends StepChain<D> {
    private final String name;
    private final Duration sleep;
    private final Function<? super D, Instant> sleepUntil;
    private final String signalName;
    private final Class<?> payloadType;
    private final SignalHandler<D, Object> handler;
    private Duration timeout;
    private String escalateTo;
    private Predicate<D> condition;

    @SuppressWarnings("unchecked")
    WaitBuilder(SagaBuilder<D> saga, String name, Duration sleep, Function<? super D, Instant> sleepUntil,
                String signalName, Class<?> payloadType, SignalHandler<D, ?> handler) {
        super(saga);
        this.name = name;
        this.sleep = sleep;
        this.sleepUntil = sleepUntil;
        this.signalName = signalName;
        this.payloadType = payloadType;
        this.handler = (SignalHandler<D, Object>) handler;
    }

    /**
     * How long the signal is awaited; when it has not come by then, the saga goes on to the
     * {@linkplain #onTimeoutEscalateTo escalation}, or is compensated. Default: no limit.
     */
    public WaitBuilder<D> timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /**
     * When the signal times out, go on to the later step {@code stepName} (another wait, say a
     * director's decision, or a step) instead of compensating. The steps in between are skipped, and
     * a step named as an escalation runs only when escalated to. Checked when the definition is built.
     */
    public WaitBuilder<D> onTimeoutEscalateTo(String stepName) {
        this.escalateTo = stepName;
        return this;
    }

    /** When the signal times out, compensate the saga. The default. */
    public WaitBuilder<D> onTimeoutCompensate() {
        this.escalateTo = null;
        return this;
    }

    /** Waits only when the condition holds for the data at that moment; otherwise it is skipped. */
    public WaitBuilder<D> when(Predicate<D> holds) {
        this.condition = holds;
        return this;
    }

    /** A wait after the point of no return is retriable: it has nothing to undo and must not give up. */
    @Override
    List<StepDefinition<D>> toDefinitions(boolean pastNoReturn) {
        return List.of(toDefinition(pastNoReturn ? StepKind.RETRIABLE : StepKind.COMPENSATABLE));
    }

    private StepDefinition<D> toDefinition(StepKind kind) {
        return new StepDefinition<>(name, kind, null, null, RetryPolicy.forever(), null, condition, null, null, null,
                new WaitDefinition<>(sleep, sleepUntil, signalName, payloadType, handler, timeout, escalateTo), null, null, null, null, null);
    }
}
