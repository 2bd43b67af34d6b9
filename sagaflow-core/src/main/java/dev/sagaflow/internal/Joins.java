package dev.sagaflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a parent knows of the child sagas its steps started ({@code SagaRecord.Progress.joins}), per
 * step index: each child, how it ended, whether it is to be undone. Read from the row, changed, and
 * written back by the one transition that changes it; never shared between threads.
 */
public final class Joins {
    /** The children of each step that started some, by step index. */
    public Map<Integer, StepJoin> steps = new TreeMap<>();

    static Joins read(String json, String whose) {
        return json == null ? new Joins() : Json.decode(json, Joins.class, "the child sagas of " + whose);
    }

    /** The JSON to store, or null when no step has children to remember. */
    String write(String whose) {
        return steps.isEmpty() ? null : Json.encode(this, "the child sagas of " + whose);
    }

    StepJoin step(int index) {
        StepJoin join = steps.get(index);
        if (join == null) {
            throw new IllegalStateException("no child sagas are recorded for step " + index);
        }
        return join;
    }

    /** The children of one step, and how far its join has come. */
    public static final class StepJoin {
        public List<Child> children = new ArrayList<>();
        /** {@code null} until the join is decided, then {@code SUCCEEDED} or {@code FAILED}. */
        public String outcome;
        public String reason;
        /** How many children have completed so far: the next one's completion order. */
        public int completions;
        /** The saga compensates this step: every child it kept is undone. */
        public boolean compensating;

        List<Child> kept() {
            return children.stream().filter(c -> c.status == Status.COMPLETED && !c.undo)
                    .sorted(java.util.Comparator.comparingInt(c -> c.completedAs)).toList();
        }

        Child child(String id) {
            return children.stream().filter(c -> c.id.equals(id)).findFirst().orElse(null);
        }

        long count(Status status) {
            return children.stream().filter(c -> c.status == status).count();
        }
    }

    /** One child saga, as its parent sees it. */
    public static final class Child {
        public String branch;
        public String id;
        public String saga;
        public int version;
        public Status status;
        /** 1, 2, … in the order children completed; undoing goes the other way. */
        public Integer completedAs;
        public Double score;
        /** The child's input while it waits to start, its data once it completed (until merged). */
        public String data;
        /** To be undone: cancelled while it runs, compensated once it completed. */
        public boolean undo;
        /** The cancel, or the reopening for compensation, is written. */
        public boolean undoSent;
    }

    /** Where a child stands, as far as its parent has heard. */
    public enum Status {
        /** Not started yet: a fan-out runs at most so many at once. */
        PENDING,
        RUNNING,
        COMPLETED,
        FAILED,
        CANCELLED,
        /** Never started: the join was decided before its turn. */
        SKIPPED;

        boolean ended() {
            return this == FAILED || this == CANCELLED || this == SKIPPED;
        }
    }
}
