package dev.sagaflow.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTest {
    private static final Message COMMAND = new Message("m-1", "svc", "Do", "saga-1", "c-1",
            Map.of(MessageHeaders.REPLY_TO, "replies"), "{}");

    @Test
    void aFailureTextIsMadeStorableBeforeItTravels() {
        Reply reply = Reply.failure("declined \u0000 by " + "x".repeat(50_000));

        Message message = reply.toMessage(COMMAND);

        assertThat(message.payload()).doesNotContain("\u0000").hasSizeLessThanOrEqualTo(4_000).startsWith("declined");
        assertThat(Reply.of(message).failure()).isEqualTo(reply.failure());
        assertThat(Reply.retryableFailure("half \uD800 pair").failure()).doesNotContain("\uD800");
    }
}
