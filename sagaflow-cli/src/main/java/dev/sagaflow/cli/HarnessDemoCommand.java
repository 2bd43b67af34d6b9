package dev.sagaflow.cli;

import dev.sagaflow.examples.harness.HarnessAudit;
import dev.sagaflow.examples.harness.HarnessDemo;
import dev.sagaflow.examples.harness.HarnessOptions;
import dev.sagaflow.jdbc.SagaStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "harness", mixinStandardHelpOptions = true,
        description = {"Runs tasks task-1..task-N, each a saga that fans out to three simulated workers (nano, mini, "
                + "small: one child saga each) and keeps the best answer scoring at least --threshold; when none "
                + "does, or all failed, the fan-out's fallback escalates to a larger, slower worker, which rarely "
                + "refuses (the task then fails and is compensated). Each worker follows a seeded plan: latency, "
                + "transient errors (retried), useless answers (caught by a validator, retried), a score; every "
                + "attempt keeps its worker, model, tokens, latency and score in the history (`saga history`).",
                "A ledger (DIR/ledger.db) charges every attempt that answered, refunds the charges of every worker "
                        + "whose result was discarded, and records each task's one answer; at the end every task is "
                        + "checked against the plan and the ledger.",
                "Run it again on the same DIR (after a crash, say) and it resumes: no task or worker starts twice.",
                "Last line of output: {\"tasks\":N,\"best_of_3\":B,\"escalated\":E,\"failed\":F,\"pending\":P,"
                        + "\"inconsistent\":I,\"refunded_charges\":R}; exit status 0 only when P and I are both 0."})
final class HarnessDemoCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Folder for the saga store (sagas.db) and the workers' ledger (ledger.db); created if missing.")
    Path dir;

    @Option(names = "--tasks", defaultValue = "200", paramLabel = "N", description = "Tasks to run (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--threshold", defaultValue = "0.7", paramLabel = "SCORE",
            description = "Lowest score, 0 to 1, at which a small worker's answer is kept (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "The workers' plan: latencies, errors, useless answers and scores (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for every task to end (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--verbose", description = "Print a table of every task's choice and each worker's plan before the last line.")
    boolean verbose;

    @Mixin
    MetricsOption metrics = new MetricsOption();

    @Override
    public Integer call() throws Exception {
        HarnessOptions options = new HarnessOptions(dir, tasks, threshold, seed, timeout, verbose);
        SagaStores.check(options.store().toString()); // before DIR and the ledger are made
        if (!Files.isRegularFile(dir)) {
            OutcomeLog.toFile(dir.resolve("outcomes.log")); // workers fail on purpose, by the hundred
        }
        HarnessAudit.Result result;
        try (MetricsEndpoint served = metrics.open(System.err)) {
            result = HarnessDemo.run(options, System.err, served);
        }
        System.out.println(result.report().toJson());
        return result.report().exitCode();
    }
}
