package dev.sagaflow;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a failed step (or compensation) attempt is retried: exponential backoff with jitter.
 * The delay before attempt {@code n+1} is {@code initialDelay × multiplier^(n-1)}, capped at
 * {@code maxDelay}, then spread by ± {@code jitter} (a fraction) so that many sagas failing
 * together do not retry together. Retries are durable: the due time is stored, no thread sleeps.
 *
 * @param maxAttempts  attempts in all, the first included; {@link #UNLIMITED} for no limit
 * @param initialDelay delay before the second attempt
 * @param multiplier   growth of the delay per attempt, at least 1
 * @param maxDelay     cap on a single delay
 * @param jitter       fraction in [0, 1) by which each delay is randomly spread
 * @param nonRetryable exception types (and their subtypes) that fail the step at once;
 *                     {@link NonRetryableStepException} always does
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
                          double jitter, Set<Class<? extends Throwable>> nonRetryable) {

    public static final int UNLIMITED = 0;

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        nonRetryable = Set.copyOf(nonRetryable);
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, or RetryPolicy.UNLIMITED (0); was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay and maxDelay must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1; was " + multiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1); was " + jitter);
        }
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** The default of a step: 3 attempts, 100 ms doubling to at most 10 s, jitter 0.2. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Retries until success: 100 ms doubling to at most 1 min, jitter 0.2. For retriable steps and compensations. */
    public static RetryPolicy forever() {
        return builder().maxAttempts(UNLIMITED).maxDelay(Duration.ofMinutes(1)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isUnlimited() {
        return maxAttempts == UNLIMITED;
    }

    /** Whether another attempt is allowed after {@code attemptsMade} attempts. */
    public boolean allowsAnotherAttempt(int attemptsMade) {
        return isUnlimited() || attemptsMade < maxAttempts;
    }

    /** Whether this error may be retried at all. */
    public boolean isRetryable(Throwable error) {
        if (error instanceof NonRetryableStepException) {
            return false;
        }
        for (Class<? extends Throwable> type : nonRetryable) {
            if (type.isInstance(error)) {
                return false;
            }
        }
        return true;
    }

    /** Whether this error type name is one of the non-retryable ones (for errors known only by name). */
    public boolean isRetryableTypeName(String typeName) {
        if (NonRetryableStepException.class.getName().equals(typeName)) {
            return false;
        }
        return nonRetryable.stream().noneMatch(t -> t.getName().equals(typeName));
    }

    /**
     * The delay before the next attempt after {@code attemptsMade} attempts.
     *
     * @param random a number in [0, 1) that spreads the delay by the jitter
     */
    public long delayMillis(int attemptsMade, double random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * jitter * (2 * random - 1);
        return Math.max(0, Math.round(capped + spread));
    }

    /** Builds a {@link RetryPolicy}; every setter documents its default. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialDelay = Duration.ofMillis(100);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofSeconds(10);
        private double jitter = 0.2;
        private Set<Class<? extends Throwable>> nonRetryable = Set.of();

        /** Attempts in all, the first included; {@link #UNLIMITED} for no limit. Default 3. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the second attempt. Default 100 ms. */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        /** Growth of the delay per attempt. Default 2. */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** Cap on one delay. Default 10 s. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        /** Random spread of each delay, a fraction in [0, 1). Default 0.2. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Exception types that fail the step at once. Default none. */
        @SafeVarargs
        public final Builder nonRetryable(Class<? extends Throwable>... types) {
            this.nonRetryable = Set.of(types);
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, nonRetryable);
        }
    }
}
