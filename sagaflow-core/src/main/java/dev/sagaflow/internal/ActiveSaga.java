package dev.sagaflow.internal;

import dev.sagaflow.SagaId;
import dev.sagaflow.observe.SagaRef;
import dev.sagaflow.spi.SagaRecord;

/**
 * An instance this node holds: its last committed row and its data, decoded once. Only one effect of
 * an instance is in flight at a time, so the fields are handed from thread to thread, never shared.
 * The runner's map holds at most one per instance, taken and given up atomically.
 */
final class ActiveSaga {
    final SagaStateMachine machine;
    final SagaId id;
    volatile SagaRecord record;
    /** The decoded form of {@code record.data()}, or null until first needed. */
    volatile Object data;
    /** When the current attempt became due here, for the listener's latency. */
    volatile long dueNanos;
    /** The wait for a call of this instance still under way is in its history already. */
    volatile boolean waitNoted;
    /** That call has been flagged as not returning. */
    volatile boolean callFlagged;
    /** The store said the inbox has entries this node has not seen: look at it at the next transition point. */
    volatile boolean inboxChanged;
    /** The store refused an attempt's outcome once: the next refusal lets go instead of trying again. */
    volatile boolean outcomeUnstorable;
    private volatile SagaRef ref;

    ActiveSaga(SagaStateMachine machine, SagaRecord record, Object data) {
        this.machine = machine;
        this.id = new SagaId(record.id());
        this.record = record;
        this.data = data;
    }

    /** Which instance this is, for events and interceptors; its identity never changes. */
    SagaRef ref() {
        SagaRef known = ref;
        if (known == null) {
            known = Observers.refOf(record);
            ref = known;
        }
        return known;
    }

    Object data() {
        Object decoded = data;
        if (decoded == null) {
            decoded = Json.decode(record.data(), machine.definition().dataType(),
                    "saga " + record.id() + " (" + machine.definition() + ")");
            data = decoded;
        }
        return decoded;
    }
}
