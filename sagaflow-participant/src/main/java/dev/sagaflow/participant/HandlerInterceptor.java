package dev.sagaflow.participant;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Reply;

/**
 * Runs around the handling of each message a {@link Participant} receives, on the thread that
 * handles it, so that what it makes current (a tracing span continued from the message's headers, a
 * logging context) is current in the handler, and in the reply and the events the handler sends.
 * The handling it wraps is the whole local transaction: the inbox check, the handler, and the reply
 * and events queued in the outbox. Several interceptors nest in the order they were added, the first
 * outermost; the participant's MDC ({@code saga_id}, {@code correlation_id}, {@code step},
 * {@code message_type}) is set around them all.
 *
 * <p>An interceptor must call {@link Invocation#proceed()} once and return (or throw) what it gave.
 * What it throws leaves the message unacknowledged, to be delivered again: before {@code proceed}
 * returned that rolls the handling back; after, the handling stays committed and the inbox absorbs
 * the redelivery.
 */
@FunctionalInterface
public interface HandlerInterceptor {

    Reply around(Message message, Invocation next) throws Exception;

    /** The rest of the chain, and the handling of the message at its end. */
    @FunctionalInterface
    interface Invocation {
        /**
         * Handles the message and commits; returns the reply queued for a command, or {@code null} when
         * there is none: an event, or a redelivery the inbox absorbed.
         */
        Reply proceed() throws Exception;
    }
}
