package dev.sagaflow.observe;

/**
 * Runs around each step attempt and each compensation attempt, on the thread that runs it, so that
 * what it makes current (a tracing span, a logging context) is current in the user's code and in
 * the messages the attempt sends. Several interceptors nest in the order they were added, the first
 * outermost. An interceptor must call {@link Invocation#proceed()} once and return (or throw) what it
 * gave; anything else it throws fails the attempt like an exception of the step's own.
 */
@FunctionalInterface
public interface StepInterceptor {

    Object around(StepAttempt attempt, Invocation next) throws Exception;

    /** The rest of the chain, and the attempt itself at its end. */
    @FunctionalInterface
    interface Invocation {
        Object proceed() throws Exception;
    }
}
