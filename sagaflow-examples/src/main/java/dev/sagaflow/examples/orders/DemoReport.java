package dev.sagaflow.examples.orders;

import dev.sagaflow.examples.JsonLine;

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
        return JsonLine.of(fields);
    }

    /** 0 only when every order ended and every one is consistent. */
    public int exitCode() {
        return pending == 0 && inconsistent == 0 ? 0 : 1;
    }
}
