package dev.sagaflow;

/**
 * Garcia-Molina and Salem's saga steps as refined by Richardson. A definition is a run of
 * compensatable steps, at most one pivot, then retriable steps; {@link SagaDefinition} checks it.
 */
public enum StepKind {
    /** May be undone by its compensation if a later step fails. */
    COMPENSATABLE,
    /** The point of no return: if it succeeds the saga must complete; it has no compensation. */
    PIVOT,
    /** Comes after the pivot; retried until it succeeds, never compensated. */
    RETRIABLE
}
