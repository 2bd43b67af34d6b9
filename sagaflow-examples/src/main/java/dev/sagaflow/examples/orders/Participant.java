package dev.sagaflow.examples.orders;

import java.time.Duration;

/** What the four services share: their ledger, their faults and the time a call takes. */
abstract class Participant implements AutoCloseable {
    final Ledger ledger;
    private final String service;
    private final Faults faults;
    private final Duration callTime;

    Participant(String service, Ledger ledger, Faults faults, Duration callTime) {
        this.service = service;
        this.ledger = ledger;
        this.faults = faults;
        this.callTime = callTime;
    }

    interface Operation<T> {
        T apply(java.sql.Connection connection) throws Exception;
    }

    /**
     * Runs one call as a remote service would: it takes its time, may be unreachable, applies the
     * operation in one local transaction, and may lose its reply after committing.
     */
    <T> T call(String operation, String orderId, String key, Operation<T> work) throws Exception {
        Faults.Call call = new Faults.Call(service, operation, orderId, key);
        if (!callTime.isZero()) {
            Thread.sleep(callTime);
        }
        faults.before(call);
        Object[] outcome = new Object[1];
        Exception[] refusal = new Exception[1];
        ledger.inTransaction(connection -> {
            try {
                outcome[0] = work.apply(connection);
            } catch (java.sql.SQLException | RuntimeException e) {
                throw e;
            } catch (Exception businessFailure) {
                refusal[0] = businessFailure;
            }
            return null;
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        faults.after(call);
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    /**
     * Runs one call inside a transaction someone else holds (a message handler's, whose inbox row
     * and reply commit with the effect): it takes its time and may be unreachable, as {@link #call}.
     */
    <T> T callIn(java.sql.Connection connection, String operation, String orderId, String key, Operation<T> work)
            throws Exception {
        if (!callTime.isZero()) {
            Thread.sleep(callTime);
        }
        faults.before(new Faults.Call(service, operation, orderId, key));
        return work.apply(connection);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
