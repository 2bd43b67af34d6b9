package dev.sagaflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one fan-out run measured: the reference workload's steps per second, then the fan-out's branch steps per second. */
public record FanOutReport(String store, int referenceSagas, long referenceSteps, double referenceSeconds, int fanOuts,
                           int branches, int fanOutsInFlight, long branchSteps, double fanOutSeconds) {

    public double referenceStepsPerSecond() {
        return referenceSteps / referenceSeconds;
    }

    public double branchStepsPerSecond() {
        return branchSteps / fanOutSeconds;
    }

    public double ratio() {
        return branchStepsPerSecond() / referenceStepsPerSecond();
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workload", FanOutWorkload.NAME);
        fields.put("store", store);
        fields.put("reference_sagas", referenceSagas);
        fields.put("reference_steps_per_s", Math.round(referenceStepsPerSecond()));
        fields.put("fan_outs", fanOuts);
        fields.put("branches", branches);
        fields.put("fan_outs_in_flight", fanOutsInFlight);
        fields.put("branch_steps_per_s", Math.round(branchStepsPerSecond()));
        fields.put("ratio", Math.round(ratio() * 100) / 100.0);
        return Json.line(fields);
    }
}
