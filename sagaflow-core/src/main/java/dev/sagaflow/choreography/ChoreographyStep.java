package dev.sagaflow.choreography;

import java.util.List;
import java.util.Optional;

/**
 * One hop of a choreography, done by one service on its own: the event that says it succeeded,
 * the events that say it failed, and the event that says it was undone (if it needs undoing when a
 * later hop fails).
 */
public record ChoreographyStep(String name, EventRef succeeded, List<EventRef> failures, EventRef compensated) {
    public ChoreographyStep {
        failures = List.copyOf(failures);
    }

    public Optional<EventRef> compensation() {
        return Optional.ofNullable(compensated);
    }
}
