package io.switchboard.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports invalid input in a few lines on stderr: the message, where a bad value came from when it was not the command
 * line, "did you mean" hints for a mistyped option, and where to find the help. No usage dump and no stack trace.
 */
final class InvalidInputHandler implements IParameterExceptionHandler {
    private final LayeredDefaultProvider layers;

    InvalidInputHandler(LayeredDefaultProvider layers) {
        this.layers = layers;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(ex.getMessage() + layers.sourceOf(ex.getArgSpec(), args));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
