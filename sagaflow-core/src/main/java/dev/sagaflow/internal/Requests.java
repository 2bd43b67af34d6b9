package dev.sagaflow.internal;

/** How an operator's request is named in the history entry that applies or refuses it. */
public final class Requests {
    private Requests() {
    }

    /** {@code [request ID]}: ends the detail of the history entry a request led to. */
    public static String tag(String requestId) {
        return "[request " + requestId + "]";
    }
}
