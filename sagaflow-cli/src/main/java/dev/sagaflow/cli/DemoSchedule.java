package dev.sagaflow.cli;

import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.schedule.Schedule;

import java.time.ZoneOffset;

/**
 * The schedule {@code node --schedule every-second} runs: a tiny saga started at every second, to see
 * (and test) one start per tick across the nodes sharing a store.
 */
final class DemoSchedule {
    static final String NAME = "every-second";
    static final String SAGA = "tick";

    /** The saga's data: the tick it was started for. */
    record Tick(String at) {
    }

    private DemoSchedule() {
    }

    static Schedule named(String option) {
        if (!NAME.equals(option)) {
            throw new IllegalArgumentException("--schedule: there is no demo schedule '" + option + "'; the one there is: " + NAME);
        }
        return Schedule.cron(NAME, "* * * * * ?", ZoneOffset.UTC).starts(SAGA, tick -> new Tick(tick.toInstant().toString()));
    }

    static SagaDefinition<Tick> saga() {
        return Saga.define(SAGA, Tick.class).step("note").invoke((tick, context) -> tick).build();
    }
}
