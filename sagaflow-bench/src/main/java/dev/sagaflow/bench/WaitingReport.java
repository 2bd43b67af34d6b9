package dev.sagaflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of the waiting workload measured. Heap figures are the used heap after full
 * collections; wake-up latency is from a timer's due time, or the return of the call that committed a
 * signal, to the start of the step after the wait.
 *
 * @param heldAtFirst   instances the node held in memory at the first heap measurement (-1: unknown)
 * @param phase2LateMs  how late the last phase-1 measurement let phase 2 begin (0: on time)
 * @param signalsSent   signals whose call returned before the end of the run (the rest were not sent)
 */
public record WaitingReport(String store, int instances, double startsPerSecond, int firstHeapAt, double heapMbAtFirst,
                            double heapMbAtN, long heldAtFirst, long heldAtN, int wakeups, int woke, int unplannedWakeups,
                            int plannedPerSecond, double wakeupsPerSecond, long phase2LateMs,
                            double wakeP50Ms, double wakeP90Ms, double wakeP99Ms, double wakeMaxMs,
                            double timerP50Ms, double timerP99Ms, double signalP50Ms, double signalP99Ms,
                            double signalCallP50Ms, double signalCallP99Ms, boolean separateClient,
                            int signalsSent) {

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workload", WaitingWorkload.NAME);
        fields.put("store", store);
        fields.put("instances", instances);
        fields.put("starts_per_s", round(startsPerSecond, 0));
        fields.put("heap_first_at", firstHeapAt);
        fields.put("heap_mb_at_100k", round(heapMbAtFirst, 1));
        fields.put("heap_mb_at_n", round(heapMbAtN, 1));
        fields.put("held_at_100k", heldAtFirst);
        fields.put("held_at_n", heldAtN);
        fields.put("wakeups", wakeups);
        fields.put("woke", woke);
        fields.put("signals_sent", signalsSent);
        fields.put("unplanned_wakeups", unplannedWakeups);
        fields.put("wakeups_per_s_planned", plannedPerSecond);
        fields.put("wakeups_per_s", round(wakeupsPerSecond, 0));
        fields.put("phase2_late_ms", phase2LateMs);
        fields.put("wake_p50_ms", round(wakeP50Ms, 3));
        fields.put("wake_p90_ms", round(wakeP90Ms, 3));
        fields.put("wake_p99_ms", round(wakeP99Ms, 3));
        fields.put("wake_max_ms", round(wakeMaxMs, 3));
        fields.put("timer_p50_ms", round(timerP50Ms, 3));
        fields.put("timer_p99_ms", round(timerP99Ms, 3));
        fields.put("signal_p50_ms", round(signalP50Ms, 3));
        fields.put("signal_p99_ms", round(signalP99Ms, 3));
        fields.put("signal_call_p50_ms", round(signalCallP50Ms, 3));
        fields.put("signal_call_p99_ms", round(signalCallP99Ms, 3));
        fields.put("signal_client", separateClient ? "separate" : "engine");
        return Json.line(fields);
    }

    public String summary() {
        return String.format("%s: %,d waiting instances (started at %.0f/s); heap after full GC %.1f MB at %,d, %.1f MB at %,d "
                        + "(%+.1f %%); %,d of %,d wake-ups (%,d signals sent) at %.0f/s (planned %d/s): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms (timers p50 %.1f / p99 %.1f ms, signals p50 %.1f / p99 %.1f ms; signal call p50 %.1f / p99 %.1f ms)",
                store, instances, startsPerSecond, heapMbAtFirst, firstHeapAt, heapMbAtN, instances,
                100 * (heapMbAtN - heapMbAtFirst) / heapMbAtFirst, woke, wakeups, signalsSent, wakeupsPerSecond, plannedPerSecond,
                wakeP50Ms, wakeP90Ms, wakeP99Ms, wakeMaxMs, timerP50Ms, timerP99Ms, signalP50Ms, signalP99Ms,
                signalCallP50Ms, signalCallP99Ms);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
