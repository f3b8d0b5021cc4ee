package io.switchboard.server.bench;

import io.netty.util.ResourceLeakDetector;
import io.switchboard.server.cli.DurationConverter;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard bench}: drives a running server with Netty WebSocket clients. {@code relay} sets up {@code
 * --pairs} host/guest pairs and keeps {@code --window} signals per pair in flight (closed loop) or, with {@code
 * --rate}, sends at a fixed total rate (open loop), reporting messages/s, latency percentiles, ordering and
 * exactly-once checks and the bench's own CPU use; {@code join} repeats connect, create or join, close in {@code
 * --pairs} concurrent loops and reports cycles/s; {@code session} repeats a whole WebRTC negotiation (offer, answer,
 * candidates) and reports sessions/s; {@code connect} opens {@code --connections} idle connections and, with {@code
 * --server-pid}, reports the server's memory per connection. With {@code --reference-url} the same scenario runs
 * first against the bare reference relay and the report adds target/reference ratios. Exit codes: 0 success, 1 setup
 * failed or the run saw errors, duplicates, out-of-order or lost messages or failed handshakes, 2 invalid options.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = 2,
        description = "Measures a running server: relay throughput and latency, join cycles, whole sessions, or idle "
                + "connections and their memory; optionally against the bare reference relay too.")
public final class BenchCommand implements Callable<Integer> {
    private static final int FAILED = 1;
    private static final List<String> SCENARIOS = List.of("relay", "join", "session", "connect");
    private static final List<String> DIALECTS = List.of("dropsilk", "privydrop", "reference");

    private static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The server: ws://127.0.0.1:8080/ for DropSilk, http://127.0.0.1:3001 for PrivyDrop, "
                    + "ws://127.0.0.1:PORT/ for the reference relay.")
    URI url = URI.create("ws://127.0.0.1:8080/");

    @Option(
            names = "--dialect",
            paramLabel = "NAME",
            defaultValue = "dropsilk",
            description = "dropsilk, privydrop or reference (a reference-relay as --url). Default: ${DEFAULT-VALUE}")
    String dialect = "dropsilk";

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            defaultValue = "relay",
            description = "relay, join, session or connect. Default: ${DEFAULT-VALUE}")
    String scenario = "relay";

    @Option(
            names = "--pairs",
            paramLabel = "K",
            defaultValue = "100",
            description = "Pairs (relay) or concurrent loops (join, session). Default: ${DEFAULT-VALUE}")
    int pairs = 100;

    @Option(
            names = "--window",
            paramLabel = "W",
            defaultValue = "4",
            description = "Messages in flight per pair (closed loop). Default: ${DEFAULT-VALUE}")
    int window = 4;

    @Option(
            names = "--rate",
            paramLabel = "MSGS_PER_SEC",
            defaultValue = "0",
            description = "Relay: send this many messages a second in total, spread over the pairs, on a fixed "
                    + "schedule (open loop; latency from the intended send time); 0 for the closed loop. "
                    + "Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(
            names = "--payload",
            paramLabel = "KIND",
            defaultValue = "candidate",
            description = "candidate (~200 B ICE candidate) or offer (~3 KB SDP offer). Default: ${DEFAULT-VALUE}")
    String payload = "candidate";

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Measured time after the warmup; with --messages, the limit on the run. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration duration = Duration.ofSeconds(10);

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Time before measuring starts. Default: ${DEFAULT-VALUE}")
    Duration warmup = Duration.ofSeconds(2);

    @Option(
            names = "--messages",
            paramLabel = "N",
            defaultValue = "0",
            description = "Relay: stop each pair after N messages (0: run for --duration). Default: ${DEFAULT-VALUE}")
    long messages;

    @Option(
            names = "--source-addresses",
            paramLabel = "N",
            defaultValue = "1",
            description = "Spread client source addresses over N loopback addresses, each in a /24 of its own "
                    + "(127.0.0.1, 127.0.1.1, 127.0.2.1, ...): about 28k connections per address, and DropSilk sees "
                    + "N separate networks. Default: ${DEFAULT-VALUE}")
    int sourceAddresses = 1;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "2",
            description = "Client event loop threads. Default: ${DEFAULT-VALUE}")
    int threads = 2;

    @Option(
            names = "--connections",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Connect: idle connections to open (each needs a file descriptor here and one in the "
                    + "server: raise ulimit -n). Default: ${DEFAULT-VALUE}")
    int connections = 1000;

    @Option(
            names = "--ramp-rate",
            paramLabel = "PER_SEC",
            defaultValue = "0",
            description = "Connect: new connections a second; 0 opens them as fast as handshakes complete. "
                    + "Default: ${DEFAULT-VALUE}")
    double rampRate;

    @Option(
            names = "--hold",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Connect: how long the connections stay open once all are up. Default: ${DEFAULT-VALUE}")
    Duration hold = Duration.ofSeconds(10);

    @Option(
            names = "--server-pid",
            paramLabel = "PID",
            defaultValue = "0",
            description = "The server's process id (same machine and user). Relay, join, session: reports its CPU "
                    + "use and CPU time per operation (serverCpuUsPerOp), which still compares servers when the bench "
                    + "is the limit. Connect: samples its RSS and, after a full GC (jcmd), heap and Netty direct "
                    + "memory, and reports bytes per connection. Default: ${DEFAULT-VALUE}")
    long serverPid;

    @Option(
            names = "--guest-url",
            paramLabel = "URL",
            description =
                    "Relay, session and DropSilk join: the second peer of each pair connects here instead, e.g. another node "
                            + "of a deployment sharing one Redis, so every signal crosses the node bus.")
    URI guestUrl;

    @Option(
            names = "--reference-url",
            paramLabel = "URL",
            description = "A switchboard reference-relay (ws://127.0.0.1:PORT/): run the same scenario against it "
                    + "first, then against --url, and report target/reference ratios.")
    URI referenceUrl;

    @Option(
            names = "--reference-pid",
            paramLabel = "PID",
            defaultValue = "0",
            description = "With --reference-url: the reference relay's process id, as --server-pid. "
                    + "Default: ${DEFAULT-VALUE}")
    long referencePid;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            // The load generator's own buffers are checked by its tests; sampling stack traces here only takes CPU
            // from the machine under test (the servers share it in the cross-node runs).
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        BenchSettings settings = settings();
        Scenario chosen = Scenario.of(scenario);
        PrintWriter out = spec.commandLine().getOut();
        BenchReport report;
        try {
            if (referenceUrl == null) {
                report = chosen.run(settings);
            } else {
                BenchReport reference = chosen.run(settings.forReference(referenceUrl, referencePid));
                report = BenchReport.compare(reference, chosen.run(settings));
            }
        } catch (SetupException e) {
            spec.commandLine().getErr().println("switchboard bench: " + e.getMessage());
            return FAILED;
        }
        out.print(json ? report.toJson() + System.lineSeparator() : report.toTable());
        out.flush();
        return report.failed() ? FAILED : 0;
    }

    /** Checks the options; a bad one ends the command with status 2. */
    BenchSettings settings() {
        check(pairs >= 1, "--pairs must be at least 1");
        check(window >= 1, "--window must be at least 1");
        check(messages >= 0, "--messages must not be negative");
        check(sourceAddresses >= 1 && sourceAddresses <= 65_536, "--source-addresses must be 1..65536");
        check(threads >= 1, "--threads must be at least 1");
        check(rate >= 0 && Double.isFinite(rate), "--rate must not be negative");
        check(connections >= 1, "--connections must be at least 1");
        check(rampRate >= 0 && Double.isFinite(rampRate), "--ramp-rate must not be negative");
        check(serverPid >= 0 && referencePid >= 0, "--server-pid and --reference-pid must not be negative");
        check(SCENARIOS.contains(scenario), "--scenario must be one of " + SCENARIOS);
        check(DIALECTS.contains(dialect), "--dialect must be one of " + DIALECTS);
        check("candidate".equals(payload) || "offer".equals(payload), "--payload must be candidate or offer");
        check(url.getHost() != null, "--url needs a host: " + url);
        check(referenceUrl == null || referenceUrl.getHost() != null, "--reference-url needs a host: " + referenceUrl);
        return BenchSettings.newBuilder(url, BenchProtocol.of(dialect, url))
                .pairs(pairs)
                .window(window)
                .payload(Payload.of(payload))
                .duration(duration)
                .warmup(warmup)
                .messages(messages)
                .sourceAddresses(sourceAddresses)
                .threads(threads)
                .rate(rate)
                .connect(new BenchSettings.ConnectSettings(connections, rampRate, hold, serverPid))
                .guestUrl(guestUrl)
                .build();
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
