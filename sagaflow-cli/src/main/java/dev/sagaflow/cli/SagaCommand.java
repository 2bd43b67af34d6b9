package dev.sagaflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code sagaflow saga}: an operator's commands on any store, the saga's Java code not needed. */
@Command(name = "saga", mixinStandardHelpOptions = true,
        description = {"Operate sagas on a store: a SQLite file (also one a running node or demo holds) or PostgreSQL "
                + "while nodes run. Find them (list, count), look at one (show, history), and act: cancel, retry, "
                + "skip a stalled compensation, resolve by hand, signal.",
                "cancel, retry, skip and resolve are requests: each waits in the saga's inbox until the node that runs "
                        + "the saga applies it between two calls (never during one), and is recorded in its history "
                        + "with who asked (--operator, default the OS user) and why (--reason). Given an ID they act on "
                        + "one saga; given filters (--state, --flagged, --name, ...) they first print what they would "
                        + "touch and change nothing unless --yes.",
                "Exit status: 0 done; 1 a request refused, a saga not found, a store that cannot be opened; "
                        + "2 a usage mistake (an unknown state, a bad time)."},
        subcommands = {SagaListCommand.class, SagaCountCommand.class, SagaShowCommand.class, SagaHistoryCommand.class,
                SagaCancelCommand.class, SagaRetryCommand.class, SagaSkipCommand.class, SagaResolveCommand.class,
                SignalCommand.class})
final class SagaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code sagaflow saga} alone: what there is, on stderr, as a usage mistake. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
