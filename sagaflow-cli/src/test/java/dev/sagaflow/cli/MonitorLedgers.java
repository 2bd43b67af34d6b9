package dev.sagaflow.cli;

import dev.sagaflow.examples.monitor.ServiceStatuses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor demo checked from outside it, in plain SQL on its ledger and the saga store, sharing
 * no code with its {@code MonitorAudit} (only the status function, which is the services' truth).
 *
 * <p>The store: one monitor saga, COMPLETED, in run {@code ceil(R/K) - 1} (no run doubled or lost),
 * its kept history no longer than {@code keepRuns} runs' worth and its kept run changes consecutive.
 * The ledger: rounds 0..R-1 each checked once, by exactly the pass that owns it (run {@code r / K},
 * loop {@code r % K}: the idempotency key of that pass's check), every service's status there once
 * and as the service reported it, an alert exactly where a status changed from the round before, no
 * round checked again by another pass.
 */
final class MonitorLedgers {
    private MonitorLedgers() {
    }

    static void assertMonitorAsIntended(Path data, int services, int rounds, int roundsPerRun, int keepRuns) {
        List<String> problems = problems(data, services, rounds, roundsPerRun, keepRuns);
        assertThat(problems).as("the monitor in %s checked against its ledger and store:%n%s", data,
                String.join("\n", problems.subList(0, Math.min(30, problems.size())))).isEmpty();
    }

    static List<String> problems(Path data, int services, int rounds, int roundsPerRun, int keepRuns) {
        List<String> problems = new ArrayList<>();
        Path store = data.resolve("sagas.db");
        Path ledger = data.resolve("monitor.db");
        List<List<String>> monitors = SqlRows.read(store, "SELECT id, state, run FROM saga_instance WHERE saga_name = 'health-monitor'");
        if (monitors.size() != 1) {
            problems.add(monitors.size() + " monitor sagas, not one");
            return problems;
        }
        String id = monitors.getFirst().get(0);
        int runs = (rounds + roundsPerRun - 1) / roundsPerRun;
        if (!monitors.getFirst().get(1).equals("COMPLETED")) {
            problems.add("the monitor is " + monitors.getFirst().get(1) + ", not COMPLETED");
        }
        if (Integer.parseInt(monitors.getFirst().get(2)) != runs - 1) {
            problems.add("the monitor ended in run " + monitors.getFirst().get(2) + "; " + rounds + " rounds of " + roundsPerRun
                    + " per run end in run " + (runs - 1));
        }
        List<List<String>> history = SqlRows.read(store, "SELECT run, type, detail FROM saga_history WHERE saga_id = '" + id
                + "' ORDER BY seq");
        long keptRuns = history.stream().map(h -> h.get(0)).distinct().count();
        if (keptRuns > keepRuns) {
            problems.add("the history keeps " + keptRuns + " runs, more than " + keepRuns);
        }
        // A run's entries: its start, and per round a check, a wait started and fired, a loop or pass, give or take retries.
        int bound = keepRuns * (2 + roundsPerRun * 4) + 60;
        if (history.size() > bound) {
            problems.add("the history holds " + history.size() + " rows, more than " + bound);
        }
        int previousRun = -1;
        for (List<String> h : history) {
            int run = Integer.parseInt(h.get(0));
            if (previousRun >= 0 && run != previousRun && run != previousRun + 1) {
                problems.add("the kept history goes from run " + previousRun + " to run " + run);
            }
            previousRun = run;
        }

        Map<Long, String> checkedBy = new HashMap<>();
        for (List<String> r : SqlRows.read(ledger, "SELECT round, checked_by FROM round_check")) {
            if (checkedBy.put(Long.parseLong(r.get(0)), r.get(1)) != null) {
                problems.add("round " + r.get(0) + " checked twice");
            }
        }
        for (int round = 0; round < rounds; round++) {
            int run = round / roundsPerRun;
            int loop = round % roundsPerRun;
            String key = id + (run == 0 && loop == 0 ? "" : "/" + run + "." + loop) + "/check-services";
            String by = checkedBy.remove((long) round);
            if (by == null) {
                problems.add("round " + round + " was never checked");
            } else if (!by.equals(key)) {
                problems.add("round " + round + " was checked by " + by + ", not by its own pass " + key);
            }
        }
        checkedBy.keySet().forEach(r -> problems.add("round " + r + " is outside the plan"));

        char[][] status = new char[services][rounds];
        for (List<String> r : SqlRows.read(ledger, "SELECT service, round, status, count(*) FROM service_status GROUP BY service, round")) {
            int service = Integer.parseInt(r.get(0));
            int round = Integer.parseInt(r.get(1));
            if (service >= services || round >= rounds) {
                problems.add("a status of service " + service + " round " + round + ", outside the plan");
                continue;
            }
            if (!r.get(3).equals("1")) {
                problems.add("service " + service + " round " + round + " recorded " + r.get(3) + " times");
            }
            status[service][round] = r.get(2).charAt(0);
        }
        Map<String, Integer> alerts = new HashMap<>();
        for (List<String> r : SqlRows.read(ledger, "SELECT service, round, from_status, to_status FROM alert")) {
            alerts.merge(r.get(0) + "@" + r.get(1) + " " + r.get(2) + "->" + r.get(3), 1, Integer::sum);
        }
        for (int service = 0; service < services; service++) {
            for (int round = 0; round < rounds; round++) {
                String truth = ServiceStatuses.name(ServiceStatuses.of(service, round));
                if (status[service][round] == 0) {
                    problems.add("service " + service + " round " + round + " was never recorded");
                } else if (status[service][round] != truth.charAt(0)) {
                    problems.add("service " + service + " round " + round + " recorded as " + status[service][round]
                            + ", it was " + truth);
                }
                if (round > 0) {
                    String before = ServiceStatuses.name(ServiceStatuses.of(service, round - 1));
                    if (!before.equals(truth)) {
                        Integer n = alerts.remove(service + "@" + round + " " + before + "->" + truth);
                        if (n == null || n != 1) {
                            problems.add("service " + service + " round " + round + ": " + before + "->" + truth + " alerted "
                                    + (n == null ? 0 : n) + " times, not once");
                        }
                    }
                }
            }
        }
        alerts.forEach((alert, n) -> problems.add("an alert where no status changed: " + alert + " (" + n + ")"));
        SqlRows.read(ledger, "SELECT round, checked_by, first_by FROM recheck")
                .forEach(r -> problems.add("round " + r.get(0) + " checked again by " + r.get(1) + " after " + r.get(2)));
        return problems;
    }
}
