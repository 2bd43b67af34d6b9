package dev.sagaflow.examples.approval;

import dev.sagaflow.examples.JsonLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The approval demo's verdict, printed as its last line.
 *
 * @param escalated requests whose manager did not answer in time (counted among the other fates)
 * @param timedOut  requests nobody answered in time: released and notified
 */
public record ApprovalReport(int requests, int approved, int rejected, int escalated, int timedOut, int pending,
                             int inconsistent) {

    /** {@code {"requests":N,"approved":A,"rejected":R,"escalated":E,"timed_out":T,"pending":P,"inconsistent":I}}. */
    public String toJson() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("requests", requests);
        fields.put("approved", approved);
        fields.put("rejected", rejected);
        fields.put("escalated", escalated);
        fields.put("timed_out", timedOut);
        fields.put("pending", pending);
        fields.put("inconsistent", inconsistent);
        return JsonLine.of(fields);
    }

    /** 0 only when every request ended and every one is consistent. */
    public int exitCode() {
        return pending == 0 && inconsistent == 0 ? 0 : 1;
    }
}
