package dev.sagaflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one run of the eternal workload measured; heap figures are after full collections. */
public record EternalReport(String store, String state, long iterations, int runs, int perRun, int keepRuns,
                            int maxHistoryRows, int historyRowsAtEnd, double seconds, double heapMbStart, double heapMbEnd) {
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workload", EternalWorkload.NAME);
        fields.put("store", store);
        fields.put("state", state);
        fields.put("iterations", iterations);
        fields.put("runs", runs);
        fields.put("iterations_per_run", perRun);
        fields.put("keep_runs", keepRuns);
        fields.put("max_history_rows", maxHistoryRows);
        fields.put("history_rows_at_end", historyRowsAtEnd);
        fields.put("seconds", Math.round(seconds * 10) / 10.0);
        fields.put("iterations_per_s", Math.round(iterations / seconds));
        fields.put("heap_mb_start", Math.round(heapMbStart * 10) / 10.0);
        fields.put("heap_mb_end", Math.round(heapMbEnd * 10) / 10.0);
        return Json.line(fields);
    }
}
