package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code conf/switchboard.example.properties} documents every key with its real default and sets nothing. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("..", "conf", "switchboard.example.properties");

    @Test
    void exampleSetsNothingSoCopyingItChangesNothing() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(EXAMPLE)) {
            properties.load(reader);
        }

        assertEquals(Map.of(), properties);
        assertEquals(ServerConfig.DEFAULTS, Cli.config(Map.of(), "--config", EXAMPLE.toString()));
    }

    @Test
    void exampleShowsEveryKeyWithItsDefault() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);

        ConfigProperties.render(ServerConfig.DEFAULTS)
                .forEach((key, value) -> assertTrue(
                        lines.contains("#" + key + "=" + value), () -> "missing line: #" + key + "=" + value));
        assertTrue(lines.contains("#noDB=false"));
    }
}
