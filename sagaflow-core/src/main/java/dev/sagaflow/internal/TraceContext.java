package dev.sagaflow.internal;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace context for messages: every message of a saga carries the saga's trace id (its
 * UUID's 32 hex digits), each with a span of its own, so a tracing back end shows one saga as
 * one trace across the engine and its participants.
 */
public final class TraceContext {
    private TraceContext() {
    }

    /** A {@code traceparent} in the saga's trace, with a new span id. */
    public static String childOf(String sagaId) {
        String trace = sagaId.replace("-", "").toLowerCase();
        if (trace.length() != 32 || !trace.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            trace = HexFormat.of().toHexDigits(sagaId.hashCode()) + "0".repeat(24);
        }
        return "00-" + trace + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong() | 1L) + "-01";
    }

    /** A new span in the trace of an incoming {@code traceparent}, or a trace of its own for {@code fallbackId}. */
    public static String continueFrom(String traceparent, String fallbackId) {
        if (traceparent != null && traceparent.length() == 55 && traceparent.startsWith("00-")) {
            return traceparent.substring(0, 36) + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong() | 1L) + "-01";
        }
        return childOf(fallbackId);
    }
}
