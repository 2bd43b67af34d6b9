package dev.sagaflow.memory;

import dev.sagaflow.messaging.Transport;
import dev.sagaflow.messaging.TransportContract;

/**
 * The in-process transport meets the contract of the real ones. Its "processes" share one JVM, so one
 * instance per test is the shared backing, handed to every caller.
 */
class InMemoryTransportContractTest extends TransportContract {
    private InMemoryTransport shared;

    @Override
    protected Transport newTransport() {
        if (shared == null) {
            shared = new InMemoryTransport();
        }
        return shared;
    }
}
