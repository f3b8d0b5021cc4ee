package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.network.Cidr;
import io.switchboard.server.config.AppBinding;
import io.switchboard.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each value comes from: flags, then environment, then the config file, then {@code ServerConfig.DEFAULTS}. */
class LayeringTest {
    @TempDir
    Path dir;

    private Path configFile() {
        return dir.resolve("switchboard.properties");
    }

    @Test
    void nothingGivenYieldsExactlyServerConfigDefaults() {
        assertEquals(ServerConfig.DEFAULTS, Cli.config(Map.of()));
    }

    @Test
    void configFileOverridesDefaults() {
        String file =
                Cli.propertiesFile(configFile(), "max-frame-bytes=1000", "allow-local-port=5173,4173", "turn-ttl=10m");

        ServerConfig config = Cli.config(Map.of(), "--config", file);

        assertEquals(1000, config.maxFrameBytes());
        assertEquals(List.of(5173, 4173), config.allowLocalPorts());
        assertEquals(Duration.ofMinutes(10), config.turnTtl());
        assertEquals(ServerConfig.DEFAULTS.maxBodyBytes(), config.maxBodyBytes());
    }

    @Test
    void environmentOverridesConfigFile() {
        String file = Cli.propertiesFile(configFile(), "max-frame-bytes=1000", "allow-local-port=5173");
        Map<String, String> env = Map.of(
                "SWITCHBOARD_MAX_FRAME_BYTES", "2000",
                "SWITCHBOARD_ALLOW_LOCAL_PORT", "3000, 3001");

        ServerConfig config = Cli.config(env, "--config", file);

        assertEquals(2000, config.maxFrameBytes());
        assertEquals(List.of(3000, 3001), config.allowLocalPorts());
    }

    @Test
    void commandLineFlagOverridesEnvironment() {
        Map<String, String> env = Map.of(
                "SWITCHBOARD_MAX_FRAME_BYTES", "2000",
                "SWITCHBOARD_TRUSTED_PROXY", "10.0.0.0/8");

        ServerConfig config = Cli.config(env, "--max-frame-bytes", "3000", "--trusted-proxy", "192.168.0.0/16");

        assertEquals(3000, config.maxFrameBytes());
        assertEquals(List.of(Cidr.parse("192.168.0.0/16")), config.trustedProxies());
    }

    @Test
    void repeatedFlagsReplaceTheDefaultListRatherThanAddingToIt() {
        ServerConfig config = Cli.config(Map.of(), "--app", "dropsilk=9000");

        assertEquals(List.of(new AppBinding("dropsilk", 9000)), config.apps());
    }

    @Test
    void emptyEnvironmentValueClearsAListTheFileSets() {
        String file = Cli.propertiesFile(configFile(), "allow-local-port=5173");

        ServerConfig config = Cli.config(Map.of("SWITCHBOARD_ALLOW_LOCAL_PORT", ""), "--config", file);

        assertEquals(List.of(), config.allowLocalPorts());
    }

    @Test
    void configFileCanBeNamedByTheEnvironment() {
        String file = Cli.propertiesFile(configFile(), "log-key=from-file");

        ServerConfig config = Cli.config(Map.of("SWITCHBOARD_CONFIG", file));

        assertEquals("from-file", config.logKey());
    }

    @Test
    void configFlagWorksInEitherFormAndAnywhereOnTheCommandLine() {
        String file = Cli.propertiesFile(configFile(), "message-burst=7");

        assertEquals(
                7,
                Cli.config(Map.of(), "--host", "127.0.0.1", "--config=" + file)
                        .limits()
                        .messageBurst());
        assertEquals(
                7,
                Cli.config(Map.of(), "--config", file, "--host", "127.0.0.1")
                        .limits()
                        .messageBurst());
    }

    @Test
    void configFlagOverridesTheFileTheEnvironmentNames() {
        String fromEnv = Cli.propertiesFile(dir.resolve("env.properties"), "message-burst=1");
        String fromFlag = Cli.propertiesFile(dir.resolve("flag.properties"), "message-burst=2");

        ServerConfig config = Cli.config(Map.of("SWITCHBOARD_CONFIG", fromEnv), "--config", fromFlag);

        assertEquals(2, config.limits().messageBurst());
    }

    @Test
    void everyValueTypeIsReadFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "SWITCHBOARD_MAX_MESSAGES_PER_SECOND", "12.5",
                "SWITCHBOARD_NETWORK_LIST_COALESCE", "250ms",
                "SWITCHBOARD_ALLOW_ORIGIN", "https://dropsilk.xyz,app://.",
                "SWITCHBOARD_TURN_URI", "turn:turn.example.com:3478",
                "SWITCHBOARD_NODB", "true",
                "SWITCHBOARD_JAVA_OPTS", "-Xmx256m");

        ServerConfig config = Cli.config(env);

        assertEquals(12.5, config.limits().messagesPerSecond());
        assertEquals(Duration.ofMillis(250), config.limits().networkListCoalesce());
        assertEquals(List.of("https://dropsilk.xyz", "app://."), config.allowOrigins());
        assertEquals(List.of("turn:turn.example.com:3478"), config.turnUris());
    }
}
