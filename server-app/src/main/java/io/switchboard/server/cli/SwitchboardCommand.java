package io.switchboard.server.cli;

import io.switchboard.server.bench.BenchCommand;
import io.switchboard.server.bench.reference.ReferenceRelayCommand;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code switchboard} command: {@code serve} runs the server, {@code check-config} prints the effective config,
 * {@code bench} measures a running server, {@code reference-relay} runs the bare relay bench compares it with.
 * Without a subcommand it prints the usage and exits 2. Exit codes: 0 success, 1 the server could not start, 2
 * invalid input or config.
 *
 * <p>Build it with {@link #newCommandLine()} (or {@link #newCommandLine(Map)} in tests), which wires the layered
 * defaults (flags, then {@code SWITCHBOARD_*} environment, then the {@code --config} file, then {@code
 * ServerConfig.DEFAULTS}) and the short error report.
 */
@Command(
        name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = 2,
        description = "Switchboard: a WebRTC signaling server.",
        subcommands = {ServeCommand.class, CheckConfigCommand.class, BenchCommand.class, ReferenceRelayCommand.class})
public final class SwitchboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A command line over the process environment. */
    public static CommandLine newCommandLine() {
        return newCommandLine(System.getenv());
    }

    /** A command line that reads {@code SWITCHBOARD_*} variables from {@code env} instead of the process. */
    public static CommandLine newCommandLine(Map<String, String> env) {
        LayeredDefaultProvider layers = new LayeredDefaultProvider(env);
        return new CommandLine(new SwitchboardCommand())
                .setDefaultValueProvider(layers)
                .setParameterExceptionHandler(new InvalidInputHandler(layers));
    }

    /** Prints the usage to stderr and returns 2: a subcommand is required. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
