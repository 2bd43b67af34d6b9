package dev.sagaflow.examples.orders;

/** A transient fault: the call may be retried, and a retry must have no second effect. */
public final class ParticipantUnavailableException extends RuntimeException {
    public ParticipantUnavailableException(Faults.Call call, String when) {
        super(call.service() + " unavailable " + when + " (" + call.operation() + " " + call.orderId() + ")");
    }
}
