package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an attempt's body attached (and its score), as the JSON object its history entry keeps. Bad
 * metadata never fails the attempt nor a write: too large or not JSON, it is replaced by
 * {@code {"$dropped": why}} and logged. Encoded on the attempt's thread, never the commit thread.
 */
final class AttemptMetadata {
    private static final Logger log = LoggerFactory.getLogger(AttemptMetadata.class);
    private static final Set<HistoryEventType> OUTCOMES = EnumSet.of(HistoryEventType.STEP_SUCCEEDED,
            HistoryEventType.STEP_FAILED, HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.COMPENSATION_FAILED);
    /** Of the names of dropped metadata, this much is kept in the marker. */
    private static final int NAMES_SHOWN = 500;

    private AttemptMetadata() {
    }

    /** The JSON object of {@code values}, a marker in its place, or {@code null} when there are none. */
    static String encode(Map<String, Object> values, SagaId saga, String step, int attempt) {
        if (values.isEmpty()) {
            return null;
        }
        String json;
        try {
            json = Json.encode(values, "the metadata of attempt " + attempt + " of step '" + step + "' of saga " + saga);
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("saga {}: the metadata attached to attempt {} of step '{}' is not JSON; kept as a marker", saga,
                    attempt, step, e);
            return dropped("not JSON: " + e.getMessage(), values);
        }
        if (json.length() > HistoryEvent.MAX_METADATA_CHARS) {
            log.warn("saga {}: the metadata attached to attempt {} of step '{}' is {} characters as JSON, over the limit "
                    + "of {}; kept as a marker", saga, attempt, step, json.length(), HistoryEvent.MAX_METADATA_CHARS);
            return dropped(json.length() + " characters as JSON, over the limit of " + HistoryEvent.MAX_METADATA_CHARS
                    + " characters", values);
        }
        // The same length: half surrogate pairs become U+FFFD, and JSON escapes the control characters.
        return StoredText.clean(json);
    }

    private static String dropped(String why, Map<String, Object> values) {
        String names = String.valueOf(new ArrayList<>(values.keySet()));
        if (names.length() > NAMES_SHOWN) {
            names = names.substring(0, NAMES_SHOWN) + " …";
        }
        String text = StoredText.clean("metadata dropped, " + why + "; it had " + names);
        String marker = Json.encode(Map.of("$dropped", text), "a metadata marker");
        return marker.length() <= HistoryEvent.MAX_METADATA_CHARS ? marker
                : Json.encode(Map.of("$dropped", "metadata dropped"), "a metadata marker");
    }

    /** {@code transition} with {@code json} on the outcome entry of attempt {@code attempt} of {@code step}. */
    static Transition onto(Transition transition, String step, int attempt, String json) {
        if (json == null) {
            return transition;
        }
        List<HistoryEvent> history = new ArrayList<>(transition.history());
        for (int i = 0; i < history.size(); i++) {
            HistoryEvent e = history.get(i);
            if (OUTCOMES.contains(e.type()) && step.equals(e.step()) && e.attempt() == attempt) {
                history.set(i, e.withMetadata(json));
                return new Transition(transition.next(), history);
            }
        }
        return transition;
    }
}
