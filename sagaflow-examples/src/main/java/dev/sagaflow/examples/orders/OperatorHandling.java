package dev.sagaflow.examples.orders;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What operators did to one order's saga, from its history: compensations they marked done without
 * running them ({@code saga skip}), and whether they closed it by hand ({@code saga resolve}). The
 * demo's audit holds such an order to what is left for the system to answer for (see {@link LedgerAudit}).
 *
 * @param skipped  steps whose compensation an operator skipped
 * @param resolved the saga was closed by hand
 */
public record OperatorHandling(Set<String> skipped, boolean resolved) {
    public static final OperatorHandling NONE = new OperatorHandling(Set.of(), false);

    public OperatorHandling {
        skipped = Set.copyOf(skipped);
    }

    public static OperatorHandling of(List<HistoryEvent> history) {
        Set<String> skipped = new TreeSet<>();
        boolean resolved = false;
        for (HistoryEvent e : history) {
            if (e.type() == HistoryEventType.COMPENSATION_SKIPPED && e.step() != null) {
                skipped.add(e.step());
            }
            resolved |= e.type() == HistoryEventType.SAGA_RESOLVED;
        }
        return new OperatorHandling(skipped, resolved);
    }

    public boolean any() {
        return resolved || !skipped.isEmpty();
    }

    @Override
    public String toString() {
        return resolved ? "resolved by hand" : "compensation of " + skipped + " skipped";
    }
}
