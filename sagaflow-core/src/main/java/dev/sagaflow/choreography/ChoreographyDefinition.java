package dev.sagaflow.choreography;

import dev.sagaflow.messaging.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expected chain of a choreographed saga, declared for the {@link SagaTracker}: the event that
 * starts it, each hop's success and failure events, and the compensation event each completed hop
 * owes when a later hop fails. Build with {@link Choreography#define(String)}.
 */
public final class ChoreographyDefinition {
    private final String name;
    private final EventRef start;
    private final List<ChoreographyStep> steps;
    private final Duration deadline;
    private final EventRef timeoutEvent;

    ChoreographyDefinition(String name, EventRef start, List<ChoreographyStep> steps, Duration deadline,
                           EventRef timeoutEvent) {
        this.name = name;
        this.start = start;
        this.steps = List.copyOf(steps);
        this.deadline = deadline;
        this.timeoutEvent = timeoutEvent;
    }

    public String name() {
        return name;
    }

    public EventRef start() {
        return start;
    }

    public List<ChoreographyStep> steps() {
        return steps;
    }

    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Published for a saga that passes its deadline without finishing, if declared. */
    public Optional<EventRef> timeoutEvent() {
        return Optional.ofNullable(timeoutEvent);
    }

    /** The compensation events a failure of step {@code failedStep} requires: every earlier step that declares one. */
    public List<Integer> compensationsRequiredBy(int failedStep) {
        List<Integer> required = new ArrayList<>();
        for (int i = 0; i < failedStep; i++) {
            if (steps.get(i).compensated() != null) {
                required.add(i);
            }
        }
        return required;
    }

    /** Every channel the chain's events travel on, for the tracker to subscribe to. */
    public Set<String> channels() {
        Set<String> channels = new LinkedHashSet<>();
        channels.add(start.channel());
        for (ChoreographyStep s : steps) {
            channels.add(s.succeeded().channel());
            s.failures().forEach(f -> channels.add(f.channel()));
            s.compensation().ifPresent(c -> channels.add(c.channel()));
        }
        return channels;
    }

    /** What an event means in this chain, or empty for an event the chain does not declare. */
    public Optional<Role> roleOf(Message event) {
        if (start.matches(event)) {
            return Optional.of(new Role(Role.Kind.STARTED, -1));
        }
        for (int i = 0; i < steps.size(); i++) {
            ChoreographyStep s = steps.get(i);
            if (s.succeeded().matches(event)) {
                return Optional.of(new Role(Role.Kind.SUCCEEDED, i));
            }
            for (EventRef failure : s.failures()) {
                if (failure.matches(event)) {
                    return Optional.of(new Role(Role.Kind.FAILED, i));
                }
            }
            if (s.compensated() != null && s.compensated().matches(event)) {
                return Optional.of(new Role(Role.Kind.COMPENSATED, i));
            }
        }
        return Optional.empty();
    }

    /** @param step index of the step, or -1 for the start event */
    public record Role(Kind kind, int step) {
        public enum Kind { STARTED, SUCCEEDED, FAILED, COMPENSATED }
    }
}
