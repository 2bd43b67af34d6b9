package dev.sagaflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** {@code bin/sagaflow}: the command-line entry point. */
@Command(name = "sagaflow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Durable saga orchestration: the order-fulfilment and approval demos, an engine node, operating sagas on any store (saga list|count|show|history|cancel|retry|skip|resolve|signal), signals by hand, the benchmark.",
        subcommands = {DemoCommand.class, NodeCommand.class, SagaCommand.class, SignalCommand.class, ParticipantCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class SagaflowCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; usage mistakes name the option and exit 2. */
    public static int run(String... args) {
        FriendlyErrors errors = new FriendlyErrors();
        return new CommandLine(new SagaflowCli())
                // Folders are passed on as strings to code that refuses anything starting like a URL
                // (word:); made absolute, a folder such as run:2 is never mistaken for one.
                .registerConverter(Path.class, value -> Path.of(value).toAbsolutePath())
                .setCaseInsensitiveEnumValuesAllowed(true) // --as FAILED as well as --as failed, like --state
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .execute(args);
    }
}
