package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.spi.SagaRecord;

import java.time.Instant;
import java.util.List;

/** A stored row as users read it, for the engine's orchestrated sagas and the tracker's choreographed ones alike. */
public final class InstanceViews {
    private InstanceViews() {
    }

    /** @param currentStep the step's name as the saga's owner reads the row, or null */
    public static SagaInstance of(SagaRecord r, String currentStep, List<HistoryEvent> history) {
        return new SagaInstance(new SagaId(r.id()), r.sagaName(), r.sagaVersion(), r.idempotencyKey(),
                r.correlationId(), r.state(), currentStep, r.attemptsMade(), r.data(), r.failure(),
                Instant.ofEpochMilli(r.createdAt()), Instant.ofEpochMilli(r.updatedAt()),
                r.wakeAt() == null ? null : Instant.ofEpochMilli(r.wakeAt()), r.version(), r.flag(), history);
    }
}
