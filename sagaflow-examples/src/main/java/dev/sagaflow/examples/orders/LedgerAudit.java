package dev.sagaflow.examples.orders;

import dev.sagaflow.SagaState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks every order across the four ledgers, reading them directly rather than trusting the
 * engine: an order is consistent when all four effects are present exactly once (and the engine
 * says COMPLETED), or none is left (every reservation released, every charge refunded, no shipment,
 * no confirmation — and the engine says FAILED or CANCELLED). Anything in between, or an effect
 * present twice, is inconsistent; so is any effect recorded for an order outside {@code order-1..N}.
 * Stock must add up too. An order whose saga has not ended (or was never started) is pending, not judged.
 *
 * <p>Operators answer for what they took out of the system's hands ({@link OperatorHandling}), and
 * nothing more: an order whose saga was resolved by hand may hold any effect, but none twice; one
 * whose compensation of a step was skipped may still hold that step's effect (the operator undid it
 * outside the system, or chose to keep it), and must be clean of every other. Such an order is
 * counted apart ({@code byOperator}) and listed with its ledgers; anything beyond that is inconsistent.
 */
public final class LedgerAudit {
    private final Participants participants;
    /** Reservations a completed order holds, by order number: one, or one per line in the parallel demo. */
    private final java.util.function.IntUnaryOperator reservationsOf;
    /** Whether a completed order also holds an authorization (the parallel demo's payment sub-saga). */
    private final boolean authorizes;

    public LedgerAudit(Participants participants) {
        this(participants, n -> 1, false);
    }

    private LedgerAudit(Participants participants, java.util.function.IntUnaryOperator reservationsOf, boolean authorizes) {
        this.participants = participants;
        this.reservationsOf = reservationsOf;
        this.authorizes = authorizes;
    }

    /**
     * For the parallel demo: a completed order holds one reservation per line of {@code book} and one
     * authorization beside its charge; a compensated one holds none of them (each released or voided at most once).
     */
    public static LedgerAudit forLines(Participants participants, OrderBook book) {
        return new LedgerAudit(participants, n -> book.lines(n).size(), true);
    }

    /** The outcome, with one line per problem found, and one per order an operator answers for. */
    public record Result(DemoReport report, List<String> problems, List<String> excused) {
        public Result(DemoReport report, List<String> problems) {
            this(report, problems, List.of());
        }
    }

    /**
     * @param orders      orders {@code order-1..order-N}
     * @param engineState each started order's saga state, by order id
     */
    public Result audit(int orders, Map<String, SagaState> engineState) {
        return audit(orders, engineState, id -> OperatorHandling.NONE);
    }

    /** As {@link #audit(int, Map)}, with what operators did to each order's saga. */
    public Result audit(int orders, Map<String, SagaState> engineState, Function<String, OperatorHandling> handledBy) {
        Map<String, int[]> reservations = participants.inventory().reservationsByOrder();
        Map<String, int[]> charges = participants.payments().chargesByOrder();
        Map<String, int[]> authorizations = participants.payments().authorizationsByOrder();
        Map<String, Integer> shipments = participants.shipping().shipmentsByOrder();
        Map<String, Integer> confirmations = participants.notifications().confirmationsByOrder();
        List<String> problems = new ArrayList<>();
        List<String> excused = new ArrayList<>();
        int byOperator = 0;
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
            int[] authorized = authorizations.getOrDefault(id, new int[2]);
            int shipped = shipments.getOrDefault(id, 0);
            int confirmed = confirmations.getOrDefault(id, 0);
            int lines = reservationsOf.applyAsInt(n);
            int holds = authorizes ? 1 : 0;
            boolean allOnce = reserved[0] == lines && reserved[1] == 0 && charged[0] == 1 && charged[1] == 0
                    && authorized[0] == holds && authorized[1] == 0 && shipped == 1 && confirmed == 1;
            boolean noneLeft = reserved[0] == 0 && reserved[1] <= lines && charged[0] == 0 && charged[1] <= 1
                    && authorized[0] == 0 && authorized[1] <= holds && shipped == 0 && confirmed == 0;
            OperatorHandling handled = handledBy.apply(id);
            String ledgers = String.format("reservations held %d released %d, charges %d refunded %d, shipments %d, "
                    + "confirmations %d", reserved[0], reserved[1], charged[0], charged[1], shipped, confirmed);
            if (handled.any() && answeredForBy(handled, state, reserved, charged, shipped, confirmed)) {
                byOperator++;
                excused.add(id + ": saga " + state + ", " + handled + "; " + ledgers);
            } else if (state == SagaState.COMPLETED && allOnce) {
                completed++;
            } else if ((state == SagaState.FAILED || state == SagaState.CANCELLED) && noneLeft) {
                compensated++;
            } else {
                problems.add(String.format("%s: saga %s, but reservations held %d released %d, charges %d refunded %d, "
                        + "shipments %d, confirmations %d", id, state, reserved[0], reserved[1], charged[0], charged[1],
                        shipped, confirmed) + (authorizes ? String.format(", authorizations %d voided %d (%d lines)",
                        authorized[0], authorized[1], lines) : ""));
            }
        }
        Set<String> known = new HashSet<>();
        for (int n = 1; n <= orders; n++) {
            known.add(OrderBook.id(n));
        }
        Set<String> strangers = new TreeSet<>();
        for (Map<String, ?> ledger : List.of(reservations, charges, authorizations, shipments, confirmations)) {
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
        return new Result(new DemoReport(orders, completed, compensated, pending, inconsistent, byOperator), problems,
                excused);
    }

    /**
     * Whether the ledgers hold only what the operator answers for: after a resolve, any effect but
     * none twice; after skipped compensations, the skipped steps' effects at most once and nothing else.
     */
    private static boolean answeredForBy(OperatorHandling handled, SagaState state, int[] reserved, int[] charged,
                                         int shipped, int confirmed) {
        boolean noneTwice = reserved[0] <= 1 && reserved[1] <= 1 && charged[0] <= 1 && charged[1] <= 1 && shipped <= 1
                && confirmed <= 1;
        if (handled.resolved()) {
            return noneTwice;
        }
        boolean reserveLeft = handled.skipped().contains("reserve-inventory") ? reserved[0] + reserved[1] <= 1 : reserved[0] == 0;
        boolean chargeLeft = handled.skipped().contains("charge-payment") ? charged[0] + charged[1] <= 1 : charged[0] == 0;
        return (state == SagaState.FAILED || state == SagaState.CANCELLED) && noneTwice && reserveLeft && chargeLeft
                && shipped == 0 && confirmed == 0;
    }
}
