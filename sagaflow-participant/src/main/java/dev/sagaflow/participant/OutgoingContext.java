package dev.sagaflow.participant;

import dev.sagaflow.observe.ContextPropagation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The headers that carry the current context (a trace) into the messages a participant sends, as
 * its {@link ContextPropagation} writes them; none without one. A propagation that fails costs the
 * message its context, never the message.
 */
final class OutgoingContext {
    private static final Logger log = LoggerFactory.getLogger(OutgoingContext.class);
    static final OutgoingContext NONE = new OutgoingContext(null);

    private final ContextPropagation propagation;

    OutgoingContext(ContextPropagation propagation) {
        this.propagation = propagation;
    }

    /** The calling thread's context as headers; empty when there is none to carry. */
    Map<String, String> headers() {
        if (propagation == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        try {
            propagation.inject(carrier);
        } catch (RuntimeException e) {
            log.warn("the participant's ContextPropagation threw; the message goes without its context", e);
            return Map.of();
        }
        return carrier;
    }
}
