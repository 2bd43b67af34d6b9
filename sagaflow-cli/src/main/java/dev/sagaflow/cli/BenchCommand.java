package dev.sagaflow.cli;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.bench.BenchOptions;
import dev.sagaflow.bench.BenchReport;
import dev.sagaflow.bench.EternalReport;
import dev.sagaflow.bench.EternalWorkload;
import dev.sagaflow.bench.FanOutReport;
import dev.sagaflow.bench.FanOutWorkload;
import dev.sagaflow.bench.LoadDriver;
import dev.sagaflow.bench.WaitingOptions;
import dev.sagaflow.bench.WaitingReport;
import dev.sagaflow.bench.WaitingWorkload;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.messaging.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the reference workload (a 4-step order saga, 1 in 10 failing at the third step and "
                + "compensated) and prints, as its last line, one JSON object with sagas_per_s, step_p50_ms, "
                + "step_p99_ms and more.",
                "With --workload waiting: starts --instances instances that wait (half on a timer, half on a signal), "
                        + "measures the heap after full GCs at 100,000 and at all of them waiting, then wakes "
                        + "--wakeups-per-second of them for --wake-seconds and measures the wake-up latency "
                        + "(heap_mb_at_100k, heap_mb_at_n, wake_p50_ms, wake_p99_ms and more in the JSON line)."})
final class BenchCommand implements Callable<Integer> {
    enum Workload { reference, waiting, @SuppressWarnings("unused") fan_out, eternal }

    @Option(names = "--workload", defaultValue = "reference", paramLabel = "NAME", converter = WorkloadConverter.class,
            description = "reference, waiting, fan-out or eternal (default: ${DEFAULT-VALUE}).")
    Workload workload;

    /** Accepts {@code fan-out} for the enum constant that Java cannot spell so. */
    static final class WorkloadConverter implements picocli.CommandLine.ITypeConverter<Workload> {
        @Override
        public Workload convert(String value) {
            try {
                return Workload.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a workload; one of reference, waiting, fan-out, eternal");
            }
        }
    }

    @Option(names = "--fan-outs", defaultValue = "200", paramLabel = "N",
            description = "--workload fan-out: sagas that fan out, after --sagas reference sagas (default: ${DEFAULT-VALUE}).")
    int fanOuts;

    @Option(names = "--branches", defaultValue = "100", paramLabel = "N",
            description = "--workload fan-out: branches (child sagas of one step) per fan-out (default: ${DEFAULT-VALUE}).")
    int branches;

    @Option(names = "--iterations", defaultValue = "100000", paramLabel = "N",
            description = "--workload eternal: iterations of the one saga's step (default: ${DEFAULT-VALUE}).")
    long iterations;

    @Option(names = "--per-run", defaultValue = "1000", paramLabel = "N",
            description = "--workload eternal: iterations per run before it continues as new (default: ${DEFAULT-VALUE}).")
    int perRun;

    @Option(names = "--keep-runs", defaultValue = "3", paramLabel = "N",
            description = "--workload eternal: runs whose history is kept (default: ${DEFAULT-VALUE}).")
    int keepRuns;

    @Option(names = "--instances", defaultValue = "1000000", paramLabel = "N",
            description = "--workload waiting: instances left waiting (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--wakeups-per-second", defaultValue = "1000", paramLabel = "N",
            description = "--workload waiting: wake-ups per second once all wait, half timers, half signals (default: ${DEFAULT-VALUE}).")
    int wakeupsPerSecond;

    @Option(names = "--wake-seconds", defaultValue = "30", paramLabel = "S",
            description = "--workload waiting: how long the wake-ups go on (default: ${DEFAULT-VALUE}).")
    int wakeSeconds;

    @Option(names = "--separate-client", description = "--workload waiting: send the signals through a SagaClient of "
            + "their own (as another process would) instead of through the engine, which also wakes its poller.")
    boolean separateClient;

    @Option(names = "--store", defaultValue = "sqlite", paramLabel = "STORE",
            description = "memory, sqlite (a new file in --dir) or a jdbc:postgresql://HOST/DB?user=U URL (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--sagas", defaultValue = "20000", paramLabel = "N", description = "Sagas to run (default: ${DEFAULT-VALUE}).")
    int sagas;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the SQLite file, a fresh one per run (default: a temporary folder, deleted after).")
    Path dir;

    @Option(names = "--concurrency", defaultValue = "1000", paramLabel = "N",
            description = "Sagas in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "PER_SECOND",
            description = "Fixed arrival rate in sagas per second; 0 starts them as fast as they are taken (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--remote", description = "Every step a command to a participant (in this JVM, on a SQLite "
            + "file of its own) through --transport; step latency is then each command's round trip.")
    boolean remote;

    @Option(names = "--metrics", description = "Reference workload: bind sagaflow-micrometer's listener to a Prometheus "
            + "registry, as a deployment would, to measure its cost against the same run without.")
    boolean metrics;

    @Option(names = "--tracing", description = "Reference workload: trace the engine with sagaflow-opentelemetry on the "
            + "OpenTelemetry SDK (every span sampled, batched, then dropped) to measure its cost against the same run without.")
    boolean tracing;

    @Mixin
    TransportOptions transport = new TransportOptions();

    @Override
    public Integer call() throws Exception {
        // Checked before the temporary folder or the transport's database is made: a refused run
        // leaves nothing behind. The options want a folder for SQLite; the one made below is that.
        if (!"memory".equals(store) && !"sqlite".equals(store)) {
            SagaStores.check(store); // refuses a URL of another kind without echoing its password
        }
        options(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")));
        if (workload == Workload.fan_out) {
            requireBetween("--fan-outs", fanOuts, 1, 1_000_000);
            requireBetween("--branches", branches, 1, 10_000);
        }
        if (workload == Workload.eternal) {
            requireBetween("--iterations", iterations, 1, Long.MAX_VALUE);
            requireBetween("--per-run", perRun, 1, Integer.MAX_VALUE);
            requireBetween("--keep-runs", keepRuns, 1, 1_000);
        }
        if (workload != Workload.reference && (remote || metrics || tracing)) {
            throw new UnusableSetupException("--remote, --metrics and --tracing are for the reference workload");
        }
        if (workload == Workload.waiting) {
            if (remote) {
                throw new UnusableSetupException("--remote is for the reference workload, not --workload waiting");
            }
            if (metrics) {
                throw new UnusableSetupException("--metrics is for the reference workload, not --workload waiting");
            }
            if (tracing) {
                throw new UnusableSetupException("--tracing is for the reference workload, not --workload waiting");
            }
            waitingOptions(dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir")));
        }
        if (remote) {
            transport.check();
        }
        OutcomeLog.off();
        Path where = dir != null ? dir : Files.createTempDirectory("sagaflow-bench");
        if (workload == Workload.fan_out || workload == Workload.eternal) {
            try {
                if (workload == Workload.fan_out) {
                    FanOutReport report = FanOutWorkload.run(options(where), fanOuts, branches, System.err);
                    System.out.println(report.toJson());
                } else {
                    EternalReport report = EternalWorkload.run(options(where), iterations, perRun, keepRuns, System.err);
                    System.out.println(report.toJson());
                }
                return 0;
            } finally {
                if (dir == null) {
                    TempFolders.deleteRecursively(where);
                }
            }
        }
        if (workload == Workload.waiting) {
            try {
                WaitingReport report = WaitingWorkload.run(waitingOptions(where), System.err);
                System.err.println(report.summary());
                System.out.println(report.toJson());
                return 0;
            } finally {
                if (dir == null) {
                    TempFolders.deleteRecursively(where);
                }
            }
        }
        try (Transport messages = remote ? transport.open(where) : null;
             BenchMetrics measured = metrics ? new BenchMetrics() : null;
             BenchTracing traced = tracing ? new BenchTracing() : null) {
            Consumer<SagaEngine.Builder> observed = builder -> {
                if (measured != null) {
                    measured.accept(builder);
                }
                if (traced != null) {
                    traced.accept(builder);
                }
            };
            BenchReport report = LoadDriver.run(options(where), messages, System.err, observed);
            System.err.println(report.summary());
            if (measured != null) {
                System.err.println(measured.summary());
            }
            if (traced != null) {
                System.err.println(traced.summary());
            }
            System.out.println(report.toJson());
            return 0;
        } finally {
            if (dir == null) {
                TempFolders.deleteRecursively(where);
            }
        }
    }

    private static void requireBetween(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + (max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? " must be at least " + min : " must be between " + min + " and " + max) + "; was " + value);
        }
    }

    private WaitingOptions waitingOptions(Path where) {
        return new WaitingOptions(store, where, instances, concurrency, wakeupsPerSecond, wakeSeconds, separateClient);
    }

    private BenchOptions options(Path where) {
        return new BenchOptions(store, where, sagas, concurrency, rate);
    }
}
