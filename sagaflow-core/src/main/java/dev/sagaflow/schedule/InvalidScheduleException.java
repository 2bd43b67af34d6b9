package dev.sagaflow.schedule;

import dev.sagaflow.SagaException;

/** A schedule cannot be registered as given; {@link #field()} says which part is wrong, the message why. */
public final class InvalidScheduleException extends SagaException {
    private final String field;

    public InvalidScheduleException(String schedule, String field, String problem) {
        super("schedule " + (schedule == null || schedule.isBlank() ? "(no name)" : "'" + schedule + "'") + ": "
                + field + " " + problem);
        this.field = field;
    }

    /** The part of the schedule that is wrong: {@code name}, {@code cron}, {@code zone}, {@code saga}, {@code data} or {@code missedAfter}. */
    public String field() {
        return field;
    }
}
