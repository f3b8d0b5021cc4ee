package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --help} documents every option with its default, and the defaults it shows are {@code DEFAULTS}. */
class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"serve", "check-config"})
    void helpListsEveryLongOptionWithItsDefault(String subcommand) {
        Cli.Result result = Cli.run(Map.of(), subcommand, "--help");
        Map<String, String> blocks = optionBlocks(result.out());

        assertEquals(0, result.exitCode(), result.err());
        for (OptionSpec option : layeredOptions(subcommand)) {
            String block = blocks.get(option.longestName());
            assertTrue(block != null, () -> option.longestName() + " missing from:\n" + result.out());
            assertTrue(block.contains("Default:"), () -> option.longestName() + " has no default:\n" + block);
        }
    }

    @Test
    void helpShowsDefaultsFromServerConfigDefaults() {
        Map<String, String> blocks =
                optionBlocks(Cli.run(Map.of(), "serve", "--help").out());

        assertTrue(blocks.get("--max-frame-bytes").contains("Default: 1048576"));
        assertTrue(blocks.get("--app").replace(", ", ",").contains("Default: dropsilk=8080,privydrop=3001"));
        assertTrue(blocks.get("--idle-timeout").contains("Default: 1m"));
        assertTrue(blocks.get("--app")
                .contains("Known apps: dropsilk, privydrop, socketio-conformance, engineio-conformance."));
    }

    @Test
    void everyOptionHasADefaultDescriptionAndAFileKey() {
        List<String> keys = layeredOptions("serve").stream()
                .peek(o -> assertTrue(String.join(" ", o.description()).contains("Default: "), o.longestName()))
                .map(LayeredDefaultProvider::key)
                .filter(key -> !key.equals("config") && !key.equals("noDB"))
                .toList();

        assertEquals(List.copyOf(ConfigProperties.render(ServerConfig.DEFAULTS).keySet()), keys);
    }

    @Test
    void serveAndCheckConfigShareTheSameOptions() {
        assertEquals(
                layeredOptions("serve").stream().map(OptionSpec::longestName).toList(),
                layeredOptions("check-config").stream()
                        .map(OptionSpec::longestName)
                        .toList());
    }

    @Test
    void versionIsDevWhenRunFromClasses() {
        Cli.Result result = Cli.run(Map.of(), "--version");

        assertEquals(0, result.exitCode());
        assertEquals("switchboard dev", result.out().strip());
    }

    private static List<OptionSpec> layeredOptions(String subcommand) {
        CommandSpec spec = SwitchboardCommand.newCommandLine(Map.of())
                .getSubcommands()
                .get(subcommand)
                .getCommandSpec();
        return spec.options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .toList();
    }

    /** The help text of each option, keyed by its long name: from its line up to the next option's line. */
    private static Map<String, String> optionBlocks(String help) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String current = null;
        for (String line : help.lines().toList()) {
            String trimmed = line.strip();
            if (line.startsWith("  ") && (trimmed.startsWith("--") || trimmed.matches("-\\w, --.*"))) {
                String names = trimmed.replaceFirst("^-\\w, ", "");
                current = names.split("[=\\s]", 2)[0];
                blocks.put(current, trimmed);
            } else if (current != null && !trimmed.isEmpty() && line.startsWith(" ")) {
                blocks.merge(current, " " + trimmed, String::concat);
            } else {
                current = null;
            }
        }
        return blocks;
    }
}
