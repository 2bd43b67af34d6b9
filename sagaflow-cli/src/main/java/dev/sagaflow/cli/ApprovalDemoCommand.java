package dev.sagaflow.cli;

import dev.sagaflow.examples.approval.ApprovalAudit;
import dev.sagaflow.examples.approval.ApprovalDemo;
import dev.sagaflow.examples.approval.ApprovalOptions;
import dev.sagaflow.jdbc.SagaStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "approval", mixinStandardHelpOptions = true,
        description = {"Runs purchase requests req-1..req-N through a saga that waits: reserve budget, await the "
                + "manager's decision (escalated to the director when it does not come in time), then place the "
                + "order; a rejection or no answer releases the budget and notifies the requester. Simulated "
                + "approvers answer through a client as a seeded plan says: some approve, some reject, some never "
                + "answer, some answer twice, some before the saga waits.",
                "Run it again on the same DIR (after a crash, say) and it resumes: no request starts twice, the "
                        + "approvers send the same signal ids again, and every timer due meanwhile fires.",
                "Last line of output: {\"requests\":N,\"approved\":A,\"rejected\":R,\"escalated\":E,\"timed_out\":T,"
                        + "\"pending\":P,\"inconsistent\":I}; exit status 0 only when P and I are both 0."})
final class ApprovalDemoCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Folder for the saga store (sagas.db) and the budget ledger (budget.db); created if missing.")
    Path dir;

    @Option(names = "--requests", defaultValue = "200", paramLabel = "N",
            description = "Purchase requests to run (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--manager-timeout", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the manager's decision is awaited before the director is asked (default: ${DEFAULT-VALUE}).")
    Duration managerTimeout;

    @Option(names = "--director-timeout", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the director's decision is awaited before the request is turned down (default: ${DEFAULT-VALUE}).")
    Duration directorTimeout;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "The approvers' plan: who answers each request, how and when (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for every request to end (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--store", paramLabel = "URL",
            description = "Saga store: jdbc:postgresql://HOST:PORT/DB?user=U, or a SQLite file (default: DIR/sagas.db). "
                    + "The budget ledger stays under DIR.")
    String store;

    @Mixin
    MetricsOption metrics = new MetricsOption();

    @Override
    public Integer call() throws Exception {
        ApprovalOptions options = new ApprovalOptions(dir, requests, managerTimeout, directorTimeout, seed, timeout, store);
        SagaStores.check(options.storeOrDefault()); // before DIR and the ledger are made
        if (!Files.isRegularFile(dir)) {
            OutcomeLog.toFile(dir.resolve("outcomes.log")); // requests are turned down on purpose
        }
        ApprovalAudit.Result result;
        try (MetricsEndpoint served = metrics.open(System.err)) {
            result = ApprovalDemo.run(options, System.err, served);
        }
        System.out.println(result.report().toJson());
        return result.report().exitCode();
    }
}
