package dev.sagaflow.spi;

/**
 * One signal or operator request in an instance's inbox. Kept from its delivery until a node
 * consumes it, so a signal that comes before its wait is not lost; one row per {@code signalId},
 * a database constraint.
 *
 * @param name       the signal's name, or {@link #CANCEL} / {@link #RETRY} for an operator's request
 * @param payload    JSON
 * @param receivedAt when the store accepted it
 */
public record SignalRecord(String signalId, String sagaId, String name, String payload, long receivedAt) {
    /** An operator's request to cancel the instance; its payload says who asked and why. */
    public static final String CANCEL = "$cancel";
    /** An operator's request to retry the instance's stalled compensation now. */
    public static final String RETRY = "$retry";

    public boolean isRequest() {
        return name.startsWith("$");
    }
}
