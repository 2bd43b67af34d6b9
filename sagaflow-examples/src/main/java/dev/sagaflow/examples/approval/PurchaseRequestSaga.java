package dev.sagaflow.examples.approval;

import dev.sagaflow.NonRetryableStepException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;

import java.time.Duration;

/**
 * The purchase-request saga: register the request, reserve its budget, await the manager's decision
 * (escalated to the director when the manager does not answer in time), check it, then place the
 * order, the pivot. A rejection or no answer at all is compensated: the budget is released and the
 * requester notified, each once, in the budget ledger.
 */
public final class PurchaseRequestSaga {
    public static final String NAME = "purchase-request";
    public static final String MANAGER_SIGNAL = "manager-decision";
    public static final String DIRECTOR_SIGNAL = "director-decision";
    public static final String MANAGER_STEP = "await-manager";
    public static final String DIRECTOR_STEP = "await-director";

    private PurchaseRequestSaga() {
    }

    /**
     * @param ledger the budget ledger the steps write to; {@code null} for a client that only starts
     *               and signals (it never runs a step)
     */
    public static SagaDefinition<PurchaseRequest> definition(BudgetLedger ledger, Duration managerTimeout,
                                                             Duration directorTimeout) {
        RetryPolicy transientOnly = RetryPolicy.builder().maxAttempts(8).initialDelay(Duration.ofMillis(20))
                .maxDelay(Duration.ofSeconds(1)).build();
        return Saga.define(NAME, PurchaseRequest.class)
                .compensationRetry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .initialDelay(Duration.ofMillis(20)).maxDelay(Duration.ofSeconds(2)).build())
                // Its compensation is the requester's notice: it runs whenever the request is turned down.
                .step("register-request")
                    .invoke((r, ctx) -> {
                        ledger.register(ctx.idempotencyKey(), r);
                        return r;
                    })
                    .compensateWith((r, ctx) -> ledger.notifyRequester(ctx.idempotencyKey(), r, noticeFor(r)))
                    .retry(transientOnly)
                    .timeout(Duration.ofSeconds(10))
                .step("reserve-budget")
                    .invoke((r, ctx) -> {
                        ledger.reserve(ctx.idempotencyKey(), r);
                        return r;
                    })
                    .compensateWith((r, ctx) -> ledger.release(ctx.idempotencyKey(), r))
                    .retry(transientOnly)
                    .timeout(Duration.ofSeconds(10))
                .awaitSignal(MANAGER_STEP, MANAGER_SIGNAL, Decision.class, PurchaseRequest::decided)
                    .timeout(managerTimeout)
                    .onTimeoutEscalateTo(DIRECTOR_STEP)
                .awaitSignal(DIRECTOR_STEP, DIRECTOR_SIGNAL, Decision.class, PurchaseRequest::decided)
                    .timeout(directorTimeout) // and then compensated
                .step("check-decision")
                    .invoke((r, ctx) -> {
                        if (!r.approved()) {
                            throw new NonRetryableStepException("rejected by the " + r.decidedBy());
                        }
                        return r;
                    })
                .pivot("place-order")
                    .invoke((r, ctx) -> {
                        ledger.placeOrder(ctx.idempotencyKey(), r);
                        return r;
                    })
                    .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofSeconds(1)).build())
                    .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** The definition for a client that starts and signals only: timeouts are the nodes' business. */
    public static SagaDefinition<PurchaseRequest> forClient() {
        return definition(null, Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    static String noticeFor(PurchaseRequest r) {
        return r.decision() == null ? "request " + r.id() + " was not answered in time; its budget is released"
                : "request " + r.id() + " was " + r.decision() + " by the " + r.decidedBy() + "; its budget is released";
    }
}
