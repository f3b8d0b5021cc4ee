package io.switchboard.server.bench;

import io.switchboard.server.cli.DurationConverter;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard bench}: drives a running server with Netty WebSocket clients. {@code relay} sets up {@code
 * --pairs} host/guest pairs and keeps {@code --window} signals per pair in flight (closed loop), reporting messages/s,
 * latency percentiles, ordering and exactly-once checks and the bench's own CPU use; {@code join} repeats connect,
 * create or join, close in {@code --pairs} concurrent loops and reports cycles/s. Exit codes: 0 success, 1 setup failed
 * or the run saw errors, duplicates, out-of-order or lost messages, 2 invalid options.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = 2,
        description = "Measures a running server: relay throughput and latency, or join cycles per second.")
public final class BenchCommand implements Callable<Integer> {
    private static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            paramLabel = "URL",
            description = "The server: ws://127.0.0.1:8080/ for DropSilk, http://127.0.0.1:3001 for PrivyDrop.")
    URI url = URI.create("ws://127.0.0.1:8080/");

    @Option(
            names = "--dialect",
            paramLabel = "NAME",
            defaultValue = "dropsilk",
            description = "dropsilk or privydrop. Default: ${DEFAULT-VALUE}")
    String dialect = "dropsilk";

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            defaultValue = "relay",
            description = "relay or join. Default: ${DEFAULT-VALUE}")
    String scenario = "relay";

    @Option(
            names = "--pairs",
            paramLabel = "K",
            defaultValue = "100",
            description = "Pairs (relay) or concurrent loops (join). Default: ${DEFAULT-VALUE}")
    int pairs = 100;

    @Option(
            names = "--window",
            paramLabel = "W",
            defaultValue = "4",
            description = "Messages in flight per pair (closed loop). Default: ${DEFAULT-VALUE}")
    int window = 4;

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
            description = "Spread client source addresses over 127.0.0.1..127.0.0.N. Default: ${DEFAULT-VALUE}")
    int sourceAddresses = 1;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "2",
            description = "Client event loop threads. Default: ${DEFAULT-VALUE}")
    int threads = 2;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        BenchSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        BenchReport report;
        try {
            report = "join".equals(scenario) ? new JoinRun(settings).run() : new RelayRun(settings).run();
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
        check(sourceAddresses >= 1 && sourceAddresses <= 254, "--source-addresses must be 1..254");
        check(threads >= 1, "--threads must be at least 1");
        check("relay".equals(scenario) || "join".equals(scenario), "--scenario must be relay or join");
        check("dropsilk".equals(dialect) || "privydrop".equals(dialect), "--dialect must be dropsilk or privydrop");
        check("candidate".equals(payload) || "offer".equals(payload), "--payload must be candidate or offer");
        check(url.getHost() != null, "--url needs a host: " + url);
        return new BenchSettings(
                url,
                BenchProtocol.of(dialect, url),
                pairs,
                window,
                Payload.of(payload),
                duration,
                warmup,
                messages,
                sourceAddresses,
                threads);
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
