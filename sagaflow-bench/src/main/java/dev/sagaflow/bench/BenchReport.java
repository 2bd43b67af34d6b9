package dev.sagaflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run measured. Step latency is the engine's overhead per step: from the moment an attempt
 * is due on the node to the commit of its outcome (the step bodies themselves take microseconds).
 */
public record BenchReport(String store, int sagas, int completed, int compensated, double seconds, double sagasPerSecond,
                          double stepP50Ms, double stepP99Ms, double stepP999Ms, double stepMaxMs, long commits,
                          long writes, int concurrency, double ratePerSecond) {

    public double writesPerCommit() {
        return commits == 0 ? 0 : (double) writes / commits;
    }

    public double commitsPerSaga() {
        return (double) commits / sagas;
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("store", store);
        fields.put("sagas", sagas);
        fields.put("completed", completed);
        fields.put("compensated", compensated);
        fields.put("seconds", round(seconds, 3));
        fields.put("sagas_per_s", round(sagasPerSecond, 0));
        fields.put("step_p50_ms", round(stepP50Ms, 3));
        fields.put("step_p99_ms", round(stepP99Ms, 3));
        fields.put("step_p999_ms", round(stepP999Ms, 3));
        fields.put("step_max_ms", round(stepMaxMs, 3));
        fields.put("commits", commits);
        fields.put("writes_per_commit", round(writesPerCommit(), 1));
        fields.put("commits_per_saga", round(commitsPerSaga(), 3));
        fields.put("concurrency", concurrency);
        fields.put("rate", ratePerSecond);
        return Json.line(fields);
    }

    public String summary() {
        return String.format("%s: %d sagas (%d completed, %d compensated) in %.2f s = %.0f sagas/s; "
                        + "step overhead p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms; %.1f writes per commit, %.3f commits per saga",
                store, sagas, completed, compensated, seconds, sagasPerSecond, stepP50Ms, stepP99Ms, stepP999Ms,
                writesPerCommit(), commitsPerSaga());
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
