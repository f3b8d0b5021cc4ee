package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends with exit code 2 and a message on stderr that says what is wrong, never a trace. */
class InvalidInputTest {
    @TempDir
    Path dir;

    @Test
    void unknownConfigFileKeyIsRefusedNamingTheKeyTheFileAndTheClosestKey() {
        String file = Cli.propertiesFile(dir.resolve("sb.properties"), "allow-local-prot=5173");

        Cli.Result result = Cli.run(Map.of(), "check-config", "--config", file);

        assertInvalid(result, "Unknown key 'allow-local-prot' in config file " + file);
        assertContains(result.err(), "did you mean 'allow-local-port'?");
    }

    @Test
    void configKeyInsideTheConfigFileIsUnknown() {
        String file = Cli.propertiesFile(dir.resolve("sb.properties"), "config=/etc/other.properties");

        assertInvalid(Cli.run(Map.of(), "check-config", "--config", file), "Unknown key 'config'");
    }

    @Test
    void missingConfigFileIsRefused() {
        String file = dir.resolve("absent.properties").toString();

        assertInvalid(Cli.run(Map.of(), "check-config", "--config", file), "Config file " + file + ": not found");
    }

    @Test
    void unknownSwitchboardEnvironmentVariableIsRefused() {
        Cli.Result result = Cli.run(Map.of("SWITCHBOARD_LOGKEY", "x"), "check-config");

        assertInvalid(result, "Unknown environment variable SWITCHBOARD_LOGKEY");
        assertContains(result.err(), "did you mean 'SWITCHBOARD_LOG_KEY'?");
    }

    @Test
    void launcherAndUnrelatedEnvironmentVariablesAreAccepted() {
        Map<String, String> env = Map.of("SWITCHBOARD_JAVA_OPTS", "-Xmx1g", "PATH", "/usr/bin", "switchboard_x", "y");

        assertEquals(0, Cli.run(env, "check-config").exitCode());
    }

    @Test
    void badCidrIsRefusedWithTheExpectedForm() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--trusted-proxy", "10.0.0.0/33"),
                "--trusted-proxy",
                "10.0.0.0/33",
                "expected");
    }

    @Test
    void aStoreThatIsNeitherMemoryNorARedisUrlIsRefusedWithTheExpectedForms() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--store", "mysql://db:3306"),
                "store: mysql://db:3306",
                "redis://[user:password@]host:port[/db]");
    }

    @Test
    void aNodeHeartbeatUnder100msIsRefused() {
        assertInvalid(Cli.run(Map.of(), "check-config", "--node-heartbeat", "10ms"), "node-heartbeat", ">= 100ms");
    }

    @Test
    void unknownAppIsRefusedListingTheKnownApps() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--app", "ghostchat=8081"),
                "unknown app 'ghostchat'",
                "expected one of: dropsilk");
    }

    @Test
    void malformedAppIsRefusedWithTheExpectedForm() {
        assertInvalid(Cli.run(Map.of(), "check-config", "--app", "dropsilk:8080"), "expected: NAME=PORT");
    }

    @Test
    void badDurationIsRefusedListingTheAcceptedForms() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--idle-timeout", "5 minutes"),
                "--idle-timeout",
                "'5 minutes' is not a duration",
                "500ms, 30s, 10m, 1h");
    }

    @Test
    void badValueFromTheEnvironmentNamesTheVariable() {
        assertInvalid(
                Cli.run(Map.of("SWITCHBOARD_PING_INTERVAL", "soon"), "check-config"),
                "'soon' is not a duration",
                "(from environment variable SWITCHBOARD_PING_INTERVAL)");
    }

    @Test
    void badValueFromTheConfigFileNamesTheFile() {
        String file = Cli.propertiesFile(dir.resolve("sb.properties"), "max-connections=lots");

        assertInvalid(Cli.run(Map.of(), "check-config", "--config", file), "'lots'", "(from config file " + file + ")");
    }

    @Test
    void valueServerConfigRejectsIsRefusedWithItsMessage() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--max-frame-bytes", "0"),
                "Invalid configuration: max-frame-bytes: 0 (expected: > 0)");
    }

    @Test
    void unknownTransportIsRefused() {
        assertInvalid(Cli.run(Map.of(), "check-config", "--transport", "kqueue"), "transport: kqueue");
    }

    @Test
    void originWithAPathIsRefused() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--allow-origin", "https://dropsilk.xyz/"),
                "expected: scheme://host[:port] with no path");
    }

    @Test
    void turnUriWithAnotherSchemeIsRefused() {
        assertInvalid(
                Cli.run(Map.of(), "check-config", "--turn-uri", "https://turn.example.com"),
                "expected: turn:, turns: or stun:");
    }

    @Test
    void mistypedOptionIsRefusedWithASuggestion() {
        Cli.Result result = Cli.run(Map.of(), "check-config", "--allow-local-prot", "5173");

        assertInvalid(result, "--allow-local-prot");
        assertContains(result.err(), "--allow-local-port");
    }

    @Test
    void noSubcommandPrintsTheUsageAndExits2() {
        Cli.Result result = Cli.run(Map.of());

        assertEquals(2, result.exitCode());
        assertContains(result.err(), "Usage: switchboard");
        assertContains(result.err(), "check-config");
    }

    private static void assertInvalid(Cli.Result result, String... fragments) {
        assertAll(
                () -> assertEquals(2, result.exitCode(), result.err()),
                () -> assertEquals("", result.out()),
                () -> assertFalse(result.err().contains("\tat "), "no stack trace expected:\n" + result.err()),
                () -> {
                    for (String fragment : fragments) {
                        assertContains(result.err(), fragment);
                    }
                });
    }

    private static void assertContains(String text, String fragment) {
        assertTrue(text.contains(fragment), () -> "expected '" + fragment + "' in:\n" + text);
    }
}
