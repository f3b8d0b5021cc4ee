package io.switchboard.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Switchboard node in a JVM of its own (this test classpath, {@code Main serve}), so a test can kill it with
 * SIGKILL: a real crash, with no shutdown hook, no drain and no clean leave. Its output goes to a temp file, shown
 * when it fails to start.
 */
public final class NodeProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path output;

    private NodeProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts {@code app} on a free port with {@code store} and the extra {@code options}, and waits for /readyz. */
    public static NodeProcess start(String app, String store, String... options) {
        return start(false, app, store, options);
    }

    /**
     * Like {@link #start}, but with the daemon's shipped logging ({@code logback.xml}: telemetry at INFO, not the
     * tests' quieter configuration), and the process's stdout and stderr go to a pipe nobody reads, which fills after
     * 64 KiB: a log reader that stalled.
     */
    public static NodeProcess startWithUnreadOutput(String app, String store, String... options) {
        return start(true, app, store, options);
    }

    private static NodeProcess start(boolean unreadOutput, String app, String store, String... options) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + (unreadOutput ? shippedLogConfig() : "logback-test.xml"),
                "-cp",
                System.getProperty("java.class.path"),
                "io.switchboard.server.Main",
                "serve",
                "--app",
                app + "=" + port,
                "--host",
                "127.0.0.1",
                "--store",
                store));
        command.addAll(List.of(options));
        try {
            Path output = Files.createTempFile("switchboard-node", ".log");
            output.toFile().deleteOnExit();
            File log = output.toFile();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Process process = (unreadOutput ? builder : builder.redirectOutput(log)).start();
            NodeProcess node = new NodeProcess(process, port, output);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the app listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> response =
                        HTTP.send(HttpRequest.newBuilder(readyz).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException("node not ready within 60 s:\n" + output());
    }

    private String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** The daemon's own logback.xml, from the main classes on this classpath. */
    private static String shippedLogConfig() {
        URL config = NodeProcess.class.getResource("/logback.xml");
        if (config == null) {
            throw new IllegalStateException("logback.xml not on the classpath");
        }
        try {
            return Path.of(config.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
