package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.spi.SagaRecord;

import java.util.List;

/** The state machine's answer to an event: the instance's next row and the history entries that explain it. */
public record Transition(SagaRecord next, List<HistoryEvent> history) {
    public Transition {
        history = List.copyOf(history);
    }
}
