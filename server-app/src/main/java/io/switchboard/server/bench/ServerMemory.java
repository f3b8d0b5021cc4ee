package io.switchboard.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples a server process on this machine: {@code VmRSS} from {@code /proc/PID/status}, then a full GC with {@code
 * jcmd PID GC.run} (a stop-the-world pause in the server), heap in use from {@code jcmd PID GC.heap_info}, and Netty's
 * direct memory from the gauge {@code switchboard_netty_direct_memory_bytes} on the server's {@code /metrics}. jcmd
 * must run as the server's user. Not thread-safe.
 */
final class ServerMemory {
    private static final Pattern USED = Pattern.compile("\\bused (\\d+)([KMG])\\b");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern DIRECT = Pattern.compile("(?m)^switchboard_netty_direct_memory_bytes (\\S+)$");
    private static final long JCMD_TIMEOUT_SECONDS = 120;

    private final long pid;
    private final URI metrics;
    private final String jcmd = jcmd();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: servers such as Node's socket.io drop it
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Samples process {@code pid}, whose {@code /metrics} is at {@code metrics}. */
    ServerMemory(long pid, URI metrics) {
        this.pid = pid;
        this.metrics = metrics;
    }

    /** The {@code /metrics} URI of the server a bench {@code --url} points at (ws→http, wss→https). */
    static URI metricsUri(URI url) {
        String scheme = "wss".equals(url.getScheme()) || "https".equals(url.getScheme()) ? "https" : "http";
        return URI.create(scheme + "://" + url.getRawAuthority() + "/metrics");
    }

    /** Samples the server now, with {@code connections} open. */
    MemorySample sample(long connections) throws IOException, InterruptedException {
        long rss = rssBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!isJvm()) {
            // jcmd attaches with SIGQUIT, which ends a process that is not a JVM (the Node.js relays): RSS only
            return new MemorySample(connections, rss, -1, -1);
        }
        run("GC.run");
        long heap = heapUsedBytes(run("GC.heap_info"));
        return new MemorySample(connections, rss, heap, directBytes());
    }

    /** Whether the process runs a JVM (its executable is a {@code java} launcher). */
    private boolean isJvm() throws IOException {
        String command = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
        int end = command.indexOf('\0');
        String executable = end < 0 ? command : command.substring(0, end);
        return executable.equals("java") || executable.endsWith("/java");
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} text, in bytes. */
    static long rssBytes(String status) throws IOException {
        Matcher m = RSS.matcher(status);
        if (!m.find()) {
            throw new IOException("no VmRSS in /proc/PID/status");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /**
     * The heap in use in a {@code jcmd GC.heap_info} text: the sum of every "used N{K,M,G}" outside Metaspace and
     * class space. That is G1's and ZGC's one heap line, or the generations of the Parallel and Serial collectors
     * (whose eden/from/to lines give percentages, not "used N").
     */
    static long heapUsedBytes(String heapInfo) throws IOException {
        long total = 0;
        boolean found = false;
        for (String line : heapInfo.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                found = true;
                long unit =
                        switch (m.group(2)) {
                            case "K" -> 1024L;
                            case "M" -> 1024L * 1024;
                            default -> 1024L * 1024 * 1024;
                        };
                total += Long.parseLong(m.group(1)) * unit;
            }
        }
        if (!found) {
            throw new IOException("no heap figures in jcmd GC.heap_info: " + heapInfo.strip());
        }
        return total;
    }

    /** The direct memory gauge, or -1 when the server does not export it. */
    private long directBytes() throws InterruptedException {
        try {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = DIRECT.matcher(response.body());
            return response.statusCode() == 200 && m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + ": no answer in " + JCMD_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    "jcmd " + pid + " " + command + " exited " + process.exitValue() + ": " + output.strip());
        }
        return output;
    }

    /** The jcmd of the JDK running the bench, else the one on the PATH. */
    private static String jcmd() {
        Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(own) ? own.toString() : "jcmd";
    }
}
