package io.switchboard.server.cli;

import io.switchboard.server.config.ServerConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard check-config}: loads and validates the config exactly as {@code serve} does, then prints it to
 * stdout as {@code key=value} lines in the config file's spelling, so the output can be used as a {@code --config}
 * file. Secrets show as {@code <set>} or empty. Exits 0, or 2 when the config is invalid.
 */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = 2,
        defaultValueProvider = LayeredDefaultProvider.class,
        description = "Validates the configuration and prints the effective values as a properties file.",
        footer = ServerOptions.FOOTER)
final class CheckConfigCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ServerConfig config = options.toConfig();
        PrintWriter out = spec.commandLine().getOut();
        ConfigProperties.renderMasked(config).forEach((key, value) -> out.println(key + "=" + escape(value)));
        out.flush();
        return 0;
    }

    /** Escapes what {@link java.util.Properties#load} would otherwise read differently. */
    private static String escape(String value) {
        String escaped = value.replace("\\", "\\\\");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
