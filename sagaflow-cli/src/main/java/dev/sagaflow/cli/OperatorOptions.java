package dev.sagaflow.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** Who acts and why, whether a bulk action goes ahead, and how long to wait to see it applied. */
final class OperatorOptions {
    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who asks, recorded in the saga's history (default: the OS user, ${sys:user.name}).")
    String operator;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded in the saga's history.")
    String reason;

    @Option(names = "--yes", description = "Act on every saga the filters match. Without it a bulk action only "
            + "prints what it would touch and changes nothing.")
    boolean yes;

    @Option(names = "--wait", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for a node to apply the requests (0s: do not wait); a request no node "
                    + "took in time stays in the inbox and is applied later (default: ${DEFAULT-VALUE}).")
    Duration wait;

    String operator() {
        return operator != null ? operator : System.getProperty("user.name", "an operator");
    }
}
