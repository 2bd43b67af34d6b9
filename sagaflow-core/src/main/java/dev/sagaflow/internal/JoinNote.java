package dev.sagaflow.internal;

import dev.sagaflow.HistoryEventType;

/** A history entry a step that started children writes about them: a child's end, the join's decision. */
public record JoinNote(HistoryEventType type, String detail) {
}
