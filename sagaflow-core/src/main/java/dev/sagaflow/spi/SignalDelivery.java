package dev.sagaflow.spi;

/** What {@link SagaStore#deliverSignal} did with a signal. */
public enum SignalDelivery {
    /** In the inbox now, and the instance is woken to look at it. */
    DELIVERED,
    /** A signal with this id was delivered before, to this instance under this name: nothing changed. */
    DUPLICATE,
    /** The signal id is taken by another instance's or another name's signal: nothing changed. */
    ID_TAKEN,
    /** No instance has this id. */
    NOT_FOUND,
    /** The instance has ended: nothing changed. */
    FINISHED
}
