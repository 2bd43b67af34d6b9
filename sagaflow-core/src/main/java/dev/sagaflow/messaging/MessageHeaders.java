package dev.sagaflow.messaging;

/** Header names Sagaflow reads and writes; other headers pass through untouched. */
public final class MessageHeaders {
    /** On a command: the channel its reply goes to. */
    public static final String REPLY_TO = "sagaflow-reply-to";
    /** On a reply: the id of the command it answers. */
    public static final String IN_REPLY_TO = "sagaflow-in-reply-to";
    /** On a command: {@code sagaId/stepName}, the same across retries, so a participant can recognise a repeat. */
    public static final String IDEMPOTENCY_KEY = "sagaflow-idempotency-key";
    /** On a reply: {@code success}, {@code failure} or {@code retryable-failure}. */
    public static final String OUTCOME = "sagaflow-outcome";
    /** W3C trace context: written by a configured {@code ContextPropagation} (sagaflow-opentelemetry), never made up. */
    public static final String TRACEPARENT = "traceparent";

    private MessageHeaders() {
    }
}
