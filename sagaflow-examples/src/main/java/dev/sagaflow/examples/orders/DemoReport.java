package dev.sagaflow.examples.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's verdict, printed as its last line.
 *
 * @param byOperator orders whose saga an operator resolved by hand or skipped a compensation of, and
 *                   whose ledgers hold no more than the operator answers for (see {@link LedgerAudit})
 */
public record DemoReport(int orders, int completed, int compensated, int pending, int inconsistent, int byOperator) {

    public DemoReport(int orders, int completed, int compensated, int pending, int inconsistent) {
        this(orders, completed, compensated, pending, inconsistent, 0);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code {"orders":N,"completed":C,"compensated":F,"pending":P,"inconsistent":I}}, in that order, and
     * {@code "byOperator":O} last when operators answer for any order.
     */
    public String toJson() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("orders", orders);
        fields.put("completed", completed);
        fields.put("compensated", compensated);
        fields.put("pending", pending);
        fields.put("inconsistent", inconsistent);
        if (byOperator > 0) {
            fields.put("byOperator", byOperator);
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0 only when every order ended and every one is consistent. */
    public int exitCode() {
        return pending == 0 && inconsistent == 0 ? 0 : 1;
    }
}
