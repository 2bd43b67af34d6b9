package dev.sagaflow;

/**
 * Folds a signal's payload into the saga's data when the signal ends its wait. Returns the new data,
 * or {@code null} to keep it; what it throws refuses that signal (recorded, the wait goes on).
 */
@FunctionalInterface
public interface SignalHandler<D, P> {
    D apply(D data, P payload) throws Exception;
}
