package dev.sagaflow.examples.monitor;

import dev.sagaflow.examples.JsonLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor demo's verdict, printed as its last line.
 *
 * @param checks         service checks the ledger holds (rounds × services when all went well)
 * @param runs           runs of the saga (continue-as-new started {@code runs - 1} of them)
 * @param maxHistoryRows the most history rows the saga had stored at any sample during the run
 * @param pending        1 while the monitor has not ended, else 0
 */
public record MonitorReport(long checks, long alerts, long rounds, long runs, long maxHistoryRows, double heapStartMb,
                            double heapEndMb, long doubled, long lost, int pending) {

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("checks", checks);
        fields.put("alerts", alerts);
        fields.put("rounds", rounds);
        fields.put("runs", runs);
        fields.put("max_history_rows", maxHistoryRows);
        fields.put("heap_start_mb", heapStartMb);
        fields.put("heap_end_mb", heapEndMb);
        fields.put("doubled", doubled);
        fields.put("lost", lost);
        fields.put("pending", pending);
        return JsonLine.of(fields);
    }

    /** 0 only when the monitor ended with nothing doubled and nothing lost. */
    public int exitCode() {
        return pending == 0 && doubled == 0 && lost == 0 ? 0 : 1;
    }
}
