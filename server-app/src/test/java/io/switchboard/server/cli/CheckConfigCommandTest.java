package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-config} prints the effective config as a usable properties file, with secrets masked. */
class CheckConfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheEffectiveValueOfEveryKey() throws IOException {
        Cli.Result result = Cli.run(
                Map.of("SWITCHBOARD_MAX_CONNECTIONS", "10"),
                "check-config",
                "--allow-local-port=5173",
                "--allow-local-port",
                "4173",
                "--idle-timeout",
                "PT90S");

        assertEquals(0, result.exitCode(), result.err());
        Properties printed = parse(result.out());
        assertEquals("5173,4173", printed.getProperty("allow-local-port"));
        assertEquals("10", printed.getProperty("max-connections"));
        assertEquals("90s", printed.getProperty("idle-timeout"));
        assertEquals("dropsilk=8080,privydrop=3001", printed.getProperty("app"));
        assertEquals(ConfigProperties.render(ServerConfig.DEFAULTS).keySet(), printed.stringPropertyNames());
    }

    @Test
    void masksSecretsThatAreSet() throws IOException {
        Cli.Result result = Cli.run(
                Map.of("SWITCHBOARD_TURN_SECRET", "hunter2"),
                "check-config",
                "--log-key",
                "correct-horse",
                "--turn-uri",
                "turn:turn.example.com:3478");

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.out().contains("hunter2"));
        assertFalse(result.out().contains("correct-horse"));
        Properties printed = parse(result.out());
        assertEquals("<set>", printed.getProperty("log-key"));
        assertEquals("<set>", printed.getProperty("turn-secret"));
    }

    @Test
    void showsUnsetSecretsAsEmpty() throws IOException {
        Properties printed = parse(Cli.run(Map.of(), "check-config").out());

        assertEquals("", printed.getProperty("log-key"));
        assertEquals("", printed.getProperty("turn-secret"));
    }

    @Test
    void outputReadBackAsAConfigFileGivesTheSameConfig() throws IOException {
        String[] args = {
            "--app",
            "dropsilk=0",
            "--trusted-proxy",
            "10.0.0.0/8,fd00::/8",
            "--allow-origin",
            "app://.",
            "--turn-uri",
            "turn:turn.example.com:3478?transport=udp",
            "--max-messages-per-second",
            "2.5",
            "--network-list-coalesce",
            "0",
            "--shutdown-timeout",
            "1500ms",
            "--host",
            "127.0.0.1"
        };
        Cli.Result first = Cli.run(Map.of(), prepend("check-config", args));
        Path file = dir.resolve("effective.properties");
        Files.writeString(file, first.out());

        ServerConfig reread = Cli.config(Map.of(), "--config", file.toString());

        assertEquals(Cli.config(Map.of(), args), reread);
        assertEquals(
                first.out(),
                Cli.run(Map.of(), "check-config", "--config", file.toString()).out());
    }

    @Test
    void noDbIsAcceptedAndChangesNothing() {
        Cli.Result result = Cli.run(Map.of(), "check-config", "--noDB");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Cli.run(Map.of(), "check-config").out(), result.out());
        assertEquals(ServerConfig.DEFAULTS, Cli.config(Map.of(), "--noDB"));
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    private static String[] prepend(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
