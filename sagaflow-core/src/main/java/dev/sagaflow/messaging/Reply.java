package dev.sagaflow.messaging;

import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.StoredText;

/**
 * A participant's answer to a command.
 *
 * @param outcome what the command came to
 * @param payload the result as JSON text ({@code null} when there is none)
 * @param failure why it failed, or {@code null}
 */
public record Reply(Outcome outcome, String payload, String failure) {

    public Reply {
        // A failure's text often comes from an exception message: made storable here, so that no
        // participant's outbox, and no saga history, is refused a NUL character or an endless text.
        failure = StoredText.clean(failure);
    }

    public enum Outcome {
        SUCCESS, FAILURE, RETRYABLE_FAILURE;

        public String headerValue() {
            return name().toLowerCase().replace('_', '-');
        }

        public static Outcome fromHeader(String value) {
            for (Outcome o : values()) {
                if (o.headerValue().equals(value)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("reply outcome header must be success, failure or retryable-failure; was " + value);
        }
    }

    public static Reply success(Object result) {
        return new Reply(Outcome.SUCCESS, result == null ? null : Json.encode(result, "a reply"), null);
    }

    /** A business refusal (card declined, out of stock): not retried, the saga compensates. */
    public static Reply failure(String why) {
        return new Reply(Outcome.FAILURE, null, why);
    }

    /** A passing trouble: the step is retried per its retry policy. */
    public static Reply retryableFailure(String why) {
        return new Reply(Outcome.RETRYABLE_FAILURE, null, why);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** The result decoded as {@code type}. */
    public <T> T payloadAs(Class<T> type) {
        if (payload == null) {
            throw new IllegalStateException("the reply has no payload (" + outcome + (failure == null ? "" : ": " + failure) + ")");
        }
        return Json.decode(payload, type, "a reply");
    }

    /** Reads the reply a message carries. */
    public static Reply of(Message message) {
        Outcome outcome = Outcome.fromHeader(message.header(MessageHeaders.OUTCOME).orElse(null));
        if (outcome == Outcome.SUCCESS) {
            return new Reply(outcome, message.payload().isEmpty() || message.payload().equals("null") ? null : message.payload(), null);
        }
        return new Reply(outcome, null, message.payload());
    }

    /** The reply as a message answering {@code command}, sent to its reply-to channel. */
    public Message toMessage(Message command) {
        String replyTo = command.header(MessageHeaders.REPLY_TO).orElseThrow(() -> new IllegalArgumentException(
                "command " + command.id() + " (" + command.type() + ") has no " + MessageHeaders.REPLY_TO + " header"));
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        headers.put(MessageHeaders.IN_REPLY_TO, command.id());
        headers.put(MessageHeaders.OUTCOME, outcome.headerValue());
        String body = outcome == Outcome.SUCCESS ? (payload == null ? "null" : payload) : failure;
        return new Message(Message.newId(), replyTo, command.type() + ".reply", command.sagaId(), command.correlationId(),
                headers, body);
    }
}
