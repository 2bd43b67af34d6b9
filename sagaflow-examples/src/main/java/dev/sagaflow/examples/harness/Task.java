package dev.sagaflow.examples.harness;

/**
 * A task, the saga's data, and each worker's copy of it: what is asked and, once answered, the
 * answer, its score and who gave it.
 *
 * @param answeredBy a worker of {@link WorkPlan#WORKERS}, {@link WorkPlan#ESCALATION}, or {@code null} while unanswered
 */
public record Task(String id, int number, String question, String answer, double score, String answeredBy) {

    public static Task of(int n) {
        return new Task(WorkPlan.taskId(n), n, "summarise document " + n, null, 0, null);
    }

    Task answered(String text, double score, String by) {
        return new Task(id, number, question, text, score, by);
    }

    public boolean escalated() {
        return WorkPlan.ESCALATION.equals(answeredBy);
    }
}
