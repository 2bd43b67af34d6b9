package dev.sagaflow;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A step that calls nothing and moves the saga elsewhere: back to an earlier step, or on to a new run
 * of itself. For sagas that run forever (a monitor, a poller): a loop repeats steps within a run, and
 * continuing as new starts the next run with new data and leaves the old run's history behind.
 */
public sealed interface FlowControl<D> {

    /**
     * Goes back to step {@code target} while {@code again} holds for the data; else goes on. Each pass
     * gives the steps it repeats idempotency keys of their own.
     */
    record LoopTo<D>(String target, Predicate<? super D> again) implements FlowControl<D> {
    }

    /**
     * Ends the current run and starts the next one of the same saga (same id, run + 1) with the data
     * {@code next} makes, in one transition: a crash neither loses nor doubles a run. The saga keeps
     * the history of its last {@link SagaBuilder#keepRuns} runs.
     */
    record ContinueAsNew<D>(Function<? super D, ? extends D> next) implements FlowControl<D> {
    }
}
