package dev.sagaflow;

/**
 * What {@link SagaClient#signal} did.
 *
 * @param duplicate a signal with this id had been delivered before; nothing changed
 */
public record SignalReceipt(SagaId sagaId, String signalId, boolean duplicate) {
}
