package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.WsClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real launcher in its own process: SIGTERM drains the sessions and the process exits 0. */
class SigtermDrainTest {
    private static final Pattern READY = Pattern.compile("Switchboard ready: dropsilk=127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermSendsServerShutdownThenClose1001AndExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.switchboard.server.Main",
                        "serve",
                        "--app",
                        "dropsilk=0",
                        "--host",
                        "127.0.0.1"))
                .redirectErrorStream(true)
                .start();
        try {
            int port = awaitReadyPort(process);
            try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/"))) {
                client.awaitType("registered");
                process.destroy(); // SIGTERM
                assertEquals(
                        "Server is shutting down for maintenance.",
                        client.awaitType("server-shutdown").get("message"));
                assertEquals(1001, client.awaitClose());
            }
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process did not exit");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    private static int awaitReadyPort(Process process) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new IllegalStateException("the server exited before it was ready");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        int bound = port.get(30, TimeUnit.SECONDS);
        // Keep draining the output so the child never blocks on a full pipe.
        CompletableFuture.runAsync(() -> out.lines().forEach(line -> {}));
        return bound;
    }
}
