package dev.sagaflow.internal;

/** What an instance needs next from the node that holds it. */
public sealed interface Effect {
    /** Call the forward action of step {@code index}; {@code attempt} is 1-based. */
    record RunStep(int index, int attempt) implements Effect {
    }

    /** Call the compensation of step {@code index}. */
    record Compensate(int index, int attempt) implements Effect {
    }

    /** The reply to the command the instance awaits did not come in time. */
    record ReplyTimedOut() implements Effect {
    }

    /** The instance's inbox has entries it has not seen, or its signal wait is due: read it, then act. */
    record CheckInbox() implements Effect {
    }

    /** A durable timer is due. */
    record TimerFired() implements Effect {
    }

    /** A due retry: record that it resumes, then run it. */
    record Resume() implements Effect {
    }

    /** The saga deadline passed before the point of no return: record it and compensate. */
    record DeadlineExceeded() implements Effect {
    }

    /** Nothing to do before {@code until} (epoch ms; {@code Long.MAX_VALUE} until a signal comes). */
    record Wait(long until) implements Effect {
    }

    /** Terminal: nothing more, ever. */
    record None() implements Effect {
    }
}
