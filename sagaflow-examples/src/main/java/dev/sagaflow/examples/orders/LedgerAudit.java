package dev.sagaflow.examples.orders;

import dev.sagaflow.SagaState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks every order across the four ledgers, reading them directly rather than trusting the
 * engine: an order is consistent when all four effects are present exactly once (and the engine
 * says COMPLETED), or none is left (every reservation released, every charge refunded, no shipment,
 * no confirmation — and the engine says FAILED or CANCELLED). Anything in between, or an effect
 * present twice, is inconsistent; so is any effect recorded for an order outside {@code order-1..N}.
 * Stock must add up too. An order whose saga has not ended (or was never started) is pending, not judged.
 */
public final class LedgerAudit {
    private final Participants participants;

    public LedgerAudit(Participants participants) {
        this.participants = participants;
    }

    /** The outcome, with one line per problem found. */
    public record Result(DemoReport report, List<String> problems) {
    }

    /**
     * @param orders      orders {@code order-1..order-N}
     * @param engineState each started order's saga state, by order id
     */
    public Result audit(int orders, Map<String, SagaState> engineState) {
        Map<String, int[]> reservations = participants.inventory().reservationsByOrder();
        Map<String, int[]> charges = participants.payments().chargesByOrder();
        Map<String, Integer> shipments = participants.shipping().shipmentsByOrder();
        Map<String, Integer> confirmations = participants.notifications().confirmationsByOrder();
        List<String> problems = new ArrayList<>();
        int completed = 0;
        int compensated = 0;
        int pending = 0;
        for (int n = 1; n <= orders; n++) {
            String id = OrderBook.id(n);
            SagaState state = engineState.get(id);
            if (state == null || !state.isTerminal()) {
                pending++;
                continue;
            }
            int[] reserved = reservations.getOrDefault(id, new int[2]);
            int[] charged = charges.getOrDefault(id, new int[2]);
            int shipped = shipments.getOrDefault(id, 0);
            int confirmed = confirmations.getOrDefault(id, 0);
            boolean allOnce = reserved[0] == 1 && reserved[1] == 0 && charged[0] == 1 && charged[1] == 0
                    && shipped == 1 && confirmed == 1;
            boolean noneLeft = reserved[0] == 0 && reserved[1] <= 1 && charged[0] == 0 && charged[1] <= 1
                    && shipped == 0 && confirmed == 0;
            if (state == SagaState.COMPLETED && allOnce) {
                completed++;
            } else if ((state == SagaState.FAILED || state == SagaState.CANCELLED) && noneLeft) {
                compensated++;
            } else {
                problems.add(String.format("%s: saga %s, but reservations held %d released %d, charges %d refunded %d, "
                        + "shipments %d, confirmations %d", id, state, reserved[0], reserved[1], charged[0], charged[1],
                        shipped, confirmed));
            }
        }
        Set<String> known = new HashSet<>();
        for (int n = 1; n <= orders; n++) {
            known.add(OrderBook.id(n));
        }
        Set<String> strangers = new TreeSet<>();
        for (Map<String, ?> ledger : List.of(reservations, charges, shipments, confirmations)) {
            ledger.keySet().stream().filter(id -> !known.contains(id)).forEach(strangers::add);
        }
        for (String id : strangers) {
            int[] reserved = reservations.getOrDefault(id, new int[2]);
            int[] charged = charges.getOrDefault(id, new int[2]);
            problems.add(String.format("%s: not one of order-1..order-%d, but reservations held %d released %d, "
                    + "charges %d refunded %d, shipments %d, confirmations %d", id, orders, reserved[0], reserved[1],
                    charged[0], charged[1], shipments.getOrDefault(id, 0), confirmations.getOrDefault(id, 0)));
        }
        int inconsistent = problems.size();
        participants.inventory().stockDiscrepancies().forEach((sku, missing) ->
                problems.add("stock of " + sku + " is off by " + missing + " units against its held reservations"));
        if (problems.size() > inconsistent) {
            inconsistent++;
        }
        return new Result(new DemoReport(orders, completed, compensated, pending, inconsistent), problems);
    }
}
