package dev.sagaflow.spi;

/**
 * One signal or operator request in an instance's inbox. Kept from its delivery until a node
 * consumes it, so a signal that comes before its wait is not lost; one row per {@code signalId},
 * a database constraint.
 *
 * @param name       the signal's name, or {@link #CANCEL} / {@link #RETRY} / {@link #SKIP} / {@link #RESOLVE}
 *                   for an operator's request (names starting with {@code $}; a saga's signal never does)
 * @param payload    JSON
 * @param receivedAt when the store accepted it
 */
public record SignalRecord(String signalId, String sagaId, String name, String payload, long receivedAt) {
    /** An operator's request to cancel the instance; its payload says who asked and why. */
    public static final String CANCEL = "$cancel";
    /** An operator's request to retry the instance's stalled compensation now. */
    public static final String RETRY = "$retry";
    /**
     * An operator's request to mark the compensation under way (stalled, or failing) as done without
     * running it, so that compensation goes on with the step completed before it.
     */
    public static final String SKIP = "$skip";
    /**
     * An operator's request to close the saga by hand, terminal at once (its payload's {@code outcome}:
     * FAILED or COMPLETED), running nothing more.
     */
    public static final String RESOLVE = "$resolve";

    /**
     * A child saga's end, delivered to its parent with the child's final transition: its payload holds
     * the child's id, final state, data and failure. Not an operator's request.
     */
    public static final String CHILD_ENDED = "$child-ended";

    /** The request's name as people say it: cancel, retry, skip, resolve; or the signal's name. */
    public String requestKind() {
        return isRequest() ? name.substring(1) : name;
    }

    public boolean isRequest() {
        return name.startsWith("$") && !CHILD_ENDED.equals(name);
    }
}
