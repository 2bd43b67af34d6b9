package dev.sagaflow.cli;

import dev.sagaflow.examples.monitor.MonitorDemo;
import dev.sagaflow.examples.monitor.MonitorOptions;
import dev.sagaflow.examples.monitor.MonitorReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Runs an eternal health monitor: one saga that checks --services simulated services each round "
                + "(seeded flaky statuses, the same on every run), records every status in DIR/monitor.db (once per "
                + "service and round) and raises an alert where a status changed since the round before. Rounds are "
                + "paced by durable timers due at start + round × interval; the saga loops within a run and continues "
                + "as new every --rounds-per-run rounds, keeping the history of --keep-runs runs; it ends once "
                + "--checks checks are made.",
                "Run it again on the same DIR (after a crash, say) and it resumes the one monitor, catching up the "
                        + "rounds due meanwhile: none doubled or skipped.",
                "Last line of output: {\"checks\":C,\"alerts\":A,\"rounds\":R,\"runs\":N,\"max_history_rows\":H,"
                        + "\"heap_start_mb\":X,\"heap_end_mb\":Y,\"doubled\":D,\"lost\":L,\"pending\":P}; exit status 0 "
                        + "only when D, L and P are all 0."})
final class MonitorDemoCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Folder for the saga store (sagas.db) and the monitor's ledger (monitor.db); created if missing.")
    Path dir;

    @Option(names = "--interval", defaultValue = "100ms", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between rounds: 100ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--checks", defaultValue = "100000", paramLabel = "N",
            description = "Service checks to make in all, rounded up to whole rounds (default: ${DEFAULT-VALUE}).")
    long checks;

    @Option(names = "--services", defaultValue = "100", paramLabel = "S",
            description = "Simulated services checked each round (default: ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--rounds-per-run", defaultValue = "50", paramLabel = "K",
            description = "Rounds per run: the saga continues as new after each K (default: ${DEFAULT-VALUE}).")
    int roundsPerRun;

    @Option(names = "--keep-runs", defaultValue = "2", paramLabel = "N",
            description = "Runs whose history the saga keeps, the current one included (default: ${DEFAULT-VALUE}).")
    int keepRuns;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the monitor to end (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    MetricsOption metrics = new MetricsOption();

    @Override
    public Integer call() throws Exception {
        MonitorOptions options = new MonitorOptions(dir, interval, checks, services, roundsPerRun, keepRuns, timeout);
        if (!java.nio.file.Files.isRegularFile(dir)) {
            OutcomeLog.toFile(dir.resolve("outcomes.log")); // checks fail transiently on purpose, and are retried
        }
        MonitorReport report;
        try (MetricsEndpoint served = metrics.open(System.err)) {
            report = MonitorDemo.run(options, System.err, served);
        }
        System.out.println(report.toJson());
        return report.exitCode();
    }
}
