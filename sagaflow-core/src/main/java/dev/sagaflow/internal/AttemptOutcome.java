package dev.sagaflow.internal;

/** What one attempt of a step or compensation came to, local or remote, before it is a transition. */
sealed interface AttemptOutcome {
    static AttemptOutcome done(String json, Object data) {
        return new Done(json, data);
    }

    static AttemptOutcome failed(StepError error) {
        return new Failed(error);
    }

    /** The data after the attempt, decoded, or {@code null} when unchanged or not known here. */
    Object data();

    boolean succeeded();

    /** It succeeded, leaving the data as {@code json} (and {@code data}, its decoded copy, or null). */
    record Done(String json, Object data) implements AttemptOutcome {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /** It succeeded, leaving the data as {@code json}, which scored below the step's threshold: its fallback takes over. */
    record ScoredLow(String json, Object data, double score, double threshold) implements AttemptOutcome {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    record Failed(StepError error) implements AttemptOutcome {
        @Override
        public Object data() {
            return null;
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }
}
