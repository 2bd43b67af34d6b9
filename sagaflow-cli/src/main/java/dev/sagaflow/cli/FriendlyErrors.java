package dev.sagaflow.cli;

import dev.sagaflow.SagaException;
import dev.sagaflow.spi.SagaStoreException;
import dev.sagaflow.transport.kafka.KafkaTransportException;
import dev.sagaflow.transport.rabbitmq.RabbitMqTransportException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Bad input and unusable stores or brokers are the user's to fix: the problem in a line, and for a
 * usage mistake where to read more, never the whole page of usage (it buried the one line that
 * mattered) nor a stack trace. Anything else is ours, so it keeps its stack trace.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** Options picocli could not parse: unknown, missing, or of the wrong type. */
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (command.getParent() == null && args.length == 0) {
            command.usage(command.getErr()); // a bare `sagaflow` asks what there is
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        PrintWriter err = command.getErr();
        err.println(prefix(command) + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        return usageMistake(command);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println(prefix(command) + e.getMessage());
            return usageMistake(command);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isTheUsersToFix(t)) {
                command.getErr().println(prefix(command) + t.getMessage());
                return 1;
            }
        }
        e.printStackTrace(command.getErr());
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /** Stores, brokers and files that cannot be used as given; their messages name what and where. */
    private static boolean isTheUsersToFix(Throwable t) {
        return t instanceof SagaStoreException || t instanceof SagaException || t instanceof UncheckedIOException
                || t instanceof RabbitMqTransportException || t instanceof KafkaTransportException
                || t instanceof UnusableSetupException;
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }

    private static int usageMistake(CommandLine command) {
        command.getErr().println("see `" + command.getCommandSpec().qualifiedName() + " --help`");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
