package dev.sagaflow.internal;

import dev.sagaflow.Join;
import dev.sagaflow.internal.Joins.Child;
import dev.sagaflow.internal.Joins.Status;
import dev.sagaflow.internal.Joins.StepJoin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a step's join is decided and settled, pure: from what the parent knows of its children, which
 * to keep, which to cancel or compensate, which to start next, and when the step may go on. A join is
 * settled when it is decided, no child runs, and every child to be undone has ended undone.
 */
final class JoinRules {
    private JoinRules() {
    }

    /** A child's end, folded in: completed ones are numbered in completion order. */
    static void ended(StepJoin join, Child child, Status status, String data, Double score) {
        if (status == Status.COMPLETED) {
            child.completedAs = ++join.completions;
            child.data = data;
            child.score = score;
            // A cancel that came too late: the child completed, so it is compensated instead.
            child.undoSent = false;
        } else {
            child.data = null;
        }
        child.status = status;
    }

    /**
     * Decides the join if it can be decided now, and marks what the decision leaves to undo. Returns
     * the decision's description, or null when it was decided before or cannot be yet.
     */
    static String decide(StepJoin join, Join<?> policy) {
        if (join.outcome != null || join.compensating) {
            return null;
        }
        int total = join.children.size();
        long completed = join.count(Status.COMPLETED);
        long failed = join.count(Status.FAILED) + join.count(Status.CANCELLED);
        long open = join.count(Status.RUNNING) + join.count(Status.PENDING);
        List<Child> keep;
        String why;
        switch (policy.kind()) {
            case ALL -> {
                if (failed > 0) {
                    return fail(join, failed + " of " + total + " branches failed: " + failedNames(join));
                }
                if (completed < total) {
                    return null;
                }
                keep = byCompletion(join);
                why = "all " + total + " branches completed";
            }
            case ANY, QUORUM -> {
                int needed = policy.kind() == Join.Kind.ANY ? 1 : policy.quorum();
                if (needed > total) {
                    return fail(join, "a quorum of " + needed + " cannot be reached with " + total + " branches");
                }
                if (completed >= needed) {
                    keep = byCompletion(join).subList(0, needed);
                    why = needed + " of " + total + " branches completed (join " + policy + ")";
                } else if (completed + open < needed) {
                    return fail(join, failed + " of " + total + " branches failed (" + failedNames(join) + "): " + needed
                            + " can no longer complete");
                } else {
                    return null;
                }
            }
            case BEST_OF -> {
                if (open > 0) {
                    return null;
                }
                Child best = byCompletion(join).stream().filter(c -> c.score != null && c.score >= policy.threshold())
                        .max(Comparator.comparingDouble((Child c) -> c.score).thenComparing(c -> -c.completedAs))
                        .orElse(null);
                if (best == null) {
                    return fail(join, "no branch scored at least " + policy.threshold() + " (" + completed + " of " + total
                            + " completed; scores " + scores(join) + ")");
                }
                keep = List.of(best);
                why = "branch '" + best.branch + "' scored best: " + best.score + " (scores " + scores(join) + ")";
            }
            default -> throw new IllegalStateException("unknown join " + policy.kind());
        }
        join.outcome = "SUCCEEDED";
        join.reason = why;
        int undone = markLosers(join, keep);
        return "kept " + keep.size() + ": " + why + (undone == 0 ? "" : "; undoing " + undone + " other(s)");
    }

    private static String fail(StepJoin join, String why) {
        join.outcome = "FAILED";
        join.reason = why;
        int undone = markLosers(join, List.of());
        return "failed: " + why + (undone == 0 ? "" : "; undoing " + undone + " branch(es) that ran");
    }

    /** Every child not kept is undone: cancelled if it runs, compensated if it completed, skipped if not started. */
    private static int markLosers(StepJoin join, List<Child> keep) {
        int undone = 0;
        for (Child c : join.children) {
            if (keep.contains(c)) {
                continue;
            }
            if (c.status == Status.PENDING) {
                c.status = Status.SKIPPED;
                c.data = null;
            } else if (c.status == Status.RUNNING || c.status == Status.COMPLETED) {
                c.undo = true;
                undone++;
            }
        }
        return undone;
    }

    /** The saga compensates the step: every child it kept, or that still runs, is undone. */
    static int undoAll(StepJoin join) {
        join.compensating = true;
        return markLosers(join, List.of());
    }

    /** Pending children to start now: while fewer than {@code maxConcurrency} run and the join is open. */
    static List<Child> toStart(StepJoin join, int maxConcurrency) {
        List<Child> start = new ArrayList<>();
        if (join.outcome != null || join.compensating) {
            return start;
        }
        long running = join.count(Status.RUNNING);
        for (Child c : join.children) {
            if (running >= maxConcurrency) {
                break;
            }
            if (c.status == Status.PENDING) {
                start.add(c);
                running++;
            }
        }
        return start;
    }

    /** Running children to be undone whose cancel is not written yet: all at once, their outcome is unknown. */
    static List<Child> toCancel(StepJoin join) {
        return join.children.stream().filter(c -> c.undo && !c.undoSent && c.status == Status.RUNNING).toList();
    }

    /**
     * Completed children to be compensated now: all of them when the definition says so, else the one
     * that completed last once no other is being compensated.
     */
    static List<Child> toCompensate(StepJoin join, boolean inParallel) {
        List<Child> waiting = join.children.stream().filter(c -> c.undo && !c.undoSent && c.status == Status.COMPLETED)
                .sorted(Comparator.comparingInt((Child c) -> c.completedAs).reversed()).toList();
        if (inParallel || waiting.isEmpty()) {
            return waiting;
        }
        boolean oneUnderWay = join.children.stream().anyMatch(c -> c.undo && c.undoSent && c.status == Status.COMPLETED);
        return oneUnderWay ? List.of() : List.of(waiting.getFirst());
    }

    /** Decided (or compensating), nothing runs or waits to start, and everything to undo has ended undone. */
    static boolean settled(StepJoin join) {
        if (join.outcome == null && !join.compensating) {
            return false;
        }
        return join.children.stream().noneMatch(c -> c.status == Status.RUNNING || c.status == Status.PENDING
                || c.undo && c.status == Status.COMPLETED);
    }

    private static String failedNames(StepJoin join) {
        List<String> names = join.children.stream().filter(c -> c.status == Status.FAILED || c.status == Status.CANCELLED)
                .map(c -> "'" + c.branch + "'").toList();
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    private static List<Child> byCompletion(StepJoin join) {
        return join.children.stream().filter(c -> c.status == Status.COMPLETED)
                .sorted(Comparator.comparingInt(c -> c.completedAs)).toList();
    }

    private static String scores(StepJoin join) {
        StringBuilder text = new StringBuilder();
        for (Child c : byCompletion(join)) {
            text.append(text.isEmpty() ? "" : ", ").append(c.branch).append('=').append(c.score);
        }
        return text.isEmpty() ? "none" : text.toString();
    }
}
