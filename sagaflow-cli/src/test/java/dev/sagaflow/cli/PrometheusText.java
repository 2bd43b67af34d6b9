package dev.sagaflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Prometheus text scrape read back: each sample, {@code name{labels}} to its value. */
record PrometheusText(String text, Map<String, Double> samples) {

    static PrometheusText parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new PrometheusText(text, samples);
    }

    /** The value of the sample named exactly so (labels as Prometheus writes them, sorted), or NaN if absent. */
    double value(String sample) {
        return samples.getOrDefault(sample, Double.NaN);
    }

    /** The sum of every sample of this name, whatever its labels. */
    double sum(String name) {
        return samples.entrySet().stream().filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
