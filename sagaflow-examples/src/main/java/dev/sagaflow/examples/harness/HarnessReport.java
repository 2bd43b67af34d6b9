package dev.sagaflow.examples.harness;

import dev.sagaflow.examples.JsonLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness demo's verdict, printed as its last line.
 *
 * @param bestOf3   tasks answered by the best of the three small workers
 * @param escalated tasks answered by the larger worker, the fan-out's fallback
 * @param failed    tasks the larger worker refused too: compensated, no answer
 * @param refunded  worker results discarded and refunded (charges of workers whose answer was not kept)
 */
public record HarnessReport(int tasks, int bestOf3, int escalated, int failed, int pending, int inconsistent,
                            int refunded) {

    /** {@code {"tasks":N,"best_of_3":B,"escalated":E,"failed":F,"pending":P,"inconsistent":I,"refunded_charges":R}}. */
    public String toJson() {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put("tasks", tasks);
        fields.put("best_of_3", bestOf3);
        fields.put("escalated", escalated);
        fields.put("failed", failed);
        fields.put("pending", pending);
        fields.put("inconsistent", inconsistent);
        fields.put("refunded_charges", refunded);
        return JsonLine.of(fields);
    }

    /** 0 only when every task ended and every one is consistent. */
    public int exitCode() {
        return pending == 0 && inconsistent == 0 ? 0 : 1;
    }
}
