package dev.sagaflow.cli;

import dev.sagaflow.SagaException;
import dev.sagaflow.spi.SagaStoreException;
import picocli.CommandLine;

/**
 * Bad input and unusable stores are the user's to fix: one line naming the problem and the usage,
 * no stack trace. Anything else is ours, so it keeps its stack trace.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println("sagaflow " + command.getCommandName() + ": " + e.getMessage());
            command.usage(command.getErr());
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }
        if (e instanceof SagaStoreException || e instanceof SagaException || e instanceof java.io.UncheckedIOException) {
            command.getErr().println("sagaflow " + command.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        e.printStackTrace(command.getErr());
        return command.getCommandSpec().exitCodeOnExecutionException();
    }
}
