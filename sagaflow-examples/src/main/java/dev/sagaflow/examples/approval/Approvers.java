package dev.sagaflow.examples.approval;

import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.SignalReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The managers and directors, simulated: a process of their own in spirit (here a few threads),
 * speaking to the sagas only through a {@link SagaClient} on the store, never through the engine.
 * Each request's answer follows the {@link ApprovalPlan}: sent right after the start (before the
 * saga waits), or once its wait is seen, after the approver's delay; some twice. The signal ids are
 * the plan's, so a re-run after a crash sends the same ids again and a repeat is a no-op.
 */
public final class Approvers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Approvers.class);
    private static final long SECOND_SEND_AFTER_MILLIS = 50;

    private final SagaClient client;
    private final ApprovalPlan plan;
    private final int requests;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "approvers");
        t.setDaemon(true);
        return t;
    });
    /** Requests whose answer this process has scheduled already. */
    private final Set<Integer> answered = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong toEnded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public Approvers(SagaClient client, ApprovalPlan plan, int requests) {
        this.client = client;
        this.plan = plan;
        this.requests = requests;
    }

    /** Starts watching for sagas that wait for an answer. */
    public Approvers start() {
        threads.scheduleWithFixedDelay(this::scan, 0, 100, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Request {@code n} has been started (or found started): an early answer goes now. */
    public void started(int n) {
        ApprovalPlan.Step step = plan.step(n);
        if (step.delivery() == ApprovalPlan.Delivery.EARLY && step.role() != null && answered.add(n)) {
            threads.execute(() -> send(step, 0));
        }
    }

    private void scan() {
        try {
            SagaQuery page = SagaQuery.all().withSagaName(PurchaseRequestSaga.NAME).withStates(SagaState.WAITING)
                    .page(0, 1000);
            while (true) {
                List<SagaInstance> waiting = client.list(page);
                for (SagaInstance instance : waiting) {
                    consider(instance);
                }
                if (waiting.size() < page.limit()) {
                    return;
                }
                page = page.next();
            }
        } catch (RuntimeException e) {
            log.warn("approvers could not look at the waiting requests: {}", e.toString());
        }
    }

    private void consider(SagaInstance instance) {
        String key = instance.idempotencyKey();
        if (!key.startsWith("req-")) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(key.substring(4));
        } catch (NumberFormatException e) {
            return;
        }
        if (n < 1 || n > requests) {
            return;
        }
        ApprovalPlan.Step step = plan.step(n);
        if (step.role() != null && step.waitStep().equals(instance.currentStep()) && answered.add(n)) {
            threads.schedule(() -> send(step, 0), step.delayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send(ApprovalPlan.Step step, int index) {
        List<String> ids = step.signalIds();
        try {
            SignalReceipt receipt = client.signal(PurchaseRequestSaga.NAME, step.requestId(), step.signalName(),
                    step.decision(), ids.get(index));
            (receipt.duplicate() ? duplicates : delivered).incrementAndGet();
        } catch (IllegalSagaStateException ended) {
            toEnded.incrementAndGet(); // it ended already: timed out, or this is a repeat after a re-run
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("approver of {} could not send {}: {}", step.requestId(), ids.get(index), e.toString());
        }
        if (index + 1 < ids.size()) {
            threads.schedule(() -> send(step, index + 1), SECOND_SEND_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    public long delivered() {
        return delivered.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    /** Answers refused because their saga had ended. */
    public long toEnded() {
        return toEnded.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
