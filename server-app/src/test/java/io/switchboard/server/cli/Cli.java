package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Runs the command line as {@code Main} would, with a given environment, and captures what it prints. */
final class Cli {
    private Cli() {}

    /** What one run returned and printed. */
    record Result(int exitCode, String out, String err) {}

    /** Runs {@code switchboard args} with {@code env} as the environment. */
    static Result run(Map<String, String> env, String... args) {
        CommandLine commandLine = SwitchboardCommand.newCommandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** The config {@code check-config args} would print, with secrets unmasked; no server is started. */
    static ServerConfig config(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("check-config"));
        all.addAll(List.of(args));
        ParseResult parsed = SwitchboardCommand.newCommandLine(env).parseArgs(all.toArray(String[]::new));
        CheckConfigCommand command =
                parsed.subcommand().commandSpec().commandLine().getCommand();
        return command.options.toConfig();
    }

    /** Writes {@code lines} to {@code file} and returns its path as text. */
    static String propertiesFile(Path file, String... lines) {
        try {
            Files.write(file, List.of(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }
}
