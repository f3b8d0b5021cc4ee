package io.switchboard.server.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * What a run measured, as ordered name/value pairs, printed as a table or as one JSON object. {@link #compare} nests
 * the reports of a reference run and a target run with the ratios of their rates and memory per connection.
 *
 * @param values the figures, in print order; values are strings, numbers, or nested maps of the same
 * @param failed whether the run saw errors, duplicates, out-of-order or lost messages
 */
record BenchReport(Map<String, Object> values, boolean failed) {
    /** The figures a comparison divides (target by reference) where a scenario has them: rates and memory. */
    static final List<String> RATIO_KEYS = List.of(
            "messagesPerSecond",
            "cyclesPerSecond",
            "sessionsPerSecond",
            "connectionsPerSecond",
            "rssBytesPerConnection",
            "heapDirectBytesPerConnection",
            "serverCpuCores",
            "serverCpuUsPerOp");

    private static final double NANOS_PER_SECOND = 1e9;

    /** The relay scenario's report. */
    static BenchReport relay(BenchSettings s, long setupNanos, long wallNanos, double cpu, RelayTotals t) {
        boolean open = s.rate() > 0;
        Map<String, Object> v = header("relay", s);
        v.put("loop", open ? "open" : "closed");
        if (open) {
            v.put("targetRate", s.rate());
        } else {
            v.put("window", s.window());
        }
        v.put("payload", s.payload().name().toLowerCase(Locale.ROOT));
        v.put("setupMs", setupNanos / 1_000_000);
        v.put("measuredSeconds", round(wallNanos / NANOS_PER_SECOND));
        v.put("messagesPerSecond", Math.round(t.measured * NANOS_PER_SECOND / Math.max(1, wallNanos)));
        latencies(v, t.latency);
        if (open) {
            v.put("planned", t.planned);
        }
        v.put("sent", t.sent);
        v.put("received", t.received);
        v.put("duplicates", t.duplicates);
        v.put("outOfOrder", t.outOfOrder);
        if (open) {
            v.put("unsent", t.planned - t.sent);
            v.put("dropped", t.sent - t.received);
            v.put("sendLateP50Us", t.sendLateness.getValueAtPercentile(50));
            v.put("sendLateP99Us", t.sendLateness.getValueAtPercentile(99));
            v.put("fromSendP50Us", t.fromSend.getValueAtPercentile(50));
            v.put("fromSendP99Us", t.fromSend.getValueAtPercentile(99));
            v.put("fromSendP999Us", t.fromSend.getValueAtPercentile(99.9));
        }
        v.put("errors", t.errors);
        v.put("benchCpuCores", round(cpu));
        boolean lost = (open || s.messages() > 0) && t.received != t.sent;
        return new BenchReport(v, t.errors + t.duplicates + t.outOfOrder > 0 || lost);
    }

    /** The join scenario's report. */
    static BenchReport join(BenchSettings s, long wallNanos, double cpu, long cycles, long errors, Histogram h) {
        Map<String, Object> v = header("join", s);
        v.put("measuredSeconds", round(wallNanos / NANOS_PER_SECOND));
        v.put("cycles", cycles);
        v.put("cyclesPerSecond", Math.round(cycles * NANOS_PER_SECOND / Math.max(1, wallNanos)));
        latencies(v, h);
        v.put("errors", errors);
        v.put("benchCpuCores", round(cpu));
        return new BenchReport(v, errors > 0);
    }

    /** The session scenario's report. */
    static BenchReport session(BenchSettings s, long wallNanos, double cpu, SessionRun.SessionTotals t) {
        Map<String, Object> v = header("session", s);
        v.put("signalsPerSession", SessionExchange.SIGNALS);
        v.put("measuredSeconds", round(wallNanos / NANOS_PER_SECOND));
        v.put("sessions", t.sessions());
        v.put("sessionsPerSecond", round(t.sessions() * NANOS_PER_SECOND / Math.max(1, wallNanos)));
        latencies(v, t.latency());
        v.put("duplicates", t.duplicates());
        v.put("outOfOrder", t.outOfOrder());
        v.put("errors", t.errors());
        v.put("benchCpuCores", round(cpu));
        return new BenchReport(v, t.errors() + t.duplicates() + t.outOfOrder() > 0);
    }

    /** The connect scenario's report. */
    static BenchReport connect(
            BenchSettings s, long rampNanos, double cpu, ConnectRun.ConnectTotals t, ConnectRun.MemoryReport m) {
        BenchSettings.ConnectSettings c = s.connect();
        Map<String, Object> v = header("connect", s);
        v.remove("pairs");
        v.put("connections", c.connections());
        v.put("rampRate", c.rampRate() > 0 ? c.rampRate() : "max");
        v.put("connectSeconds", round(rampNanos / NANOS_PER_SECOND));
        v.put("connectionsPerSecond", Math.round(t.succeeded() * NANOS_PER_SECOND / Math.max(1, rampNanos)));
        latencies(v, t.handshakeMicros());
        v.put("succeeded", t.succeeded());
        v.put("failed", t.failed());
        v.put("failedByStatus", t.failedByStatus());
        v.put("failedOther", t.failedOther());
        if (t.firstFailure() != null) {
            v.put("firstFailure", t.firstFailure());
        }
        v.put("holdSeconds", round(c.hold().toNanos() / NANOS_PER_SECOND));
        v.put("dropped", t.dropped());
        v.put("openAtEnd", t.openAtEnd());
        v.put("benchCpuCores", round(cpu));
        if (c.serverPid() > 0) {
            memory(v, m);
        }
        return new BenchReport(v, t.failed() + t.dropped() > 0 || m.error() != null);
    }

    /**
     * The same scenario run against the reference relay and then the target: both reports under {@code reference} and
     * {@code target}, and under {@code ratio} the target's figure divided by the reference's for each of {@link
     * #RATIO_KEYS} both have (1.0: as fast as the bare relay).
     */
    static BenchReport compare(BenchReport reference, BenchReport target) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("scenario", target.values.get("scenario"));
        v.put("reference", reference.values);
        v.put("target", target.values);
        Map<String, Object> ratio = new LinkedHashMap<>();
        for (String key : RATIO_KEYS) {
            if (reference.values.get(key) instanceof Number r
                    && target.values.get(key) instanceof Number t
                    && r.doubleValue() > 0) {
                ratio.put(key, round(t.doubleValue() / r.doubleValue()));
            }
        }
        v.put("ratio", ratio);
        return new BenchReport(v, reference.failed || target.failed);
    }

    /**
     * Adds the server's CPU use over the measured time (in cores) and its CPU time per operation of
     * {@code rateKey} ({@code serverCpuUsPerOp}), when {@code serverCores} is known: the figure that still compares
     * two servers when the load generator, not the server, is the limit. Returns this report.
     */
    BenchReport withServerCpu(double serverCores, String rateKey) {
        if (serverCores >= 0 && values.get(rateKey) instanceof Number rate && rate.doubleValue() > 0) {
            values.put("serverCpuCores", round(serverCores));
            values.put("serverCpuUsPerOp", round(serverCores * 1e6 / rate.doubleValue()));
        }
        return this;
    }

    /** One JSON object on one line. */
    String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            writeObject(json, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A two-column table, one figure a line; a nested report is a titled, indented block. */
    String toTable() {
        StringBuilder out = new StringBuilder();
        appendTable(out, values, "");
        return out.toString();
    }

    private static void writeObject(JsonGenerator json, Map<?, ?> object) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> e : object.entrySet()) {
            json.writeFieldName(String.valueOf(e.getKey()));
            if (e.getValue() instanceof Map<?, ?> nested) {
                writeObject(json, nested);
            } else if (e.getValue() instanceof Number n) {
                json.writeNumber(n.toString());
            } else {
                json.writeString(String.valueOf(e.getValue()));
            }
        }
        json.writeEndObject();
    }

    private static void appendTable(StringBuilder out, Map<?, ?> object, String indent) {
        object.forEach((k, value) -> {
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                out.append(indent).append(k).append(':').append(System.lineSeparator());
                appendTable(out, nested, indent + "  ");
            } else {
                out.append(String.format(Locale.ROOT, "%-30s %s%n", indent + k, value));
            }
        });
    }

    private static Map<String, Object> header(String scenario, BenchSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("scenario", scenario);
        v.put("dialect", s.dialect().name());
        v.put("url", s.url().toString());
        v.put("pairs", s.pairs());
        return v;
    }

    private static void latencies(Map<String, Object> v, Histogram h) {
        v.put("p50Us", h.getValueAtPercentile(50));
        v.put("p90Us", h.getValueAtPercentile(90));
        v.put("p99Us", h.getValueAtPercentile(99));
        v.put("p999Us", h.getValueAtPercentile(99.9));
        v.put("maxUs", h.getMaxValue());
    }

    private static void memory(Map<String, Object> v, ConnectRun.MemoryReport m) {
        List<MemorySample> samples = m.samples();
        v.put("rssBytesPerConnection", slope(samples, MemorySample::rssBytes));
        boolean jvm = samples.stream().allMatch(sample -> sample.heapBytes() >= 0);
        v.put(
                "heapDirectBytesPerConnection",
                jvm ? slope(samples, MemorySample::heapAndDirectBytes) : "n/a (not a JVM)");
        if (jvm && samples.stream().anyMatch(sample -> sample.directBytes() < 0)) {
            v.put("directMemory", "unknown (no switchboard_netty_direct_memory_bytes at /metrics): heap only");
        }
        Map<String, Object> bySize = new LinkedHashMap<>();
        for (MemorySample sample : samples) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("rssBytes", sample.rssBytes());
            figures.put("heapBytes", sample.heapBytes());
            figures.put("directBytes", sample.directBytes());
            bySize.put(Long.toString(sample.connections()), figures);
        }
        v.put("memorySamples", bySize);
        if (m.error() != null) {
            v.put("memoryError", m.error());
        }
    }

    /** The rounded slope, or "n/a" with fewer than two distinct sample sizes. */
    private static Object slope(List<MemorySample> samples, ToLongFunction<MemorySample> bytes) {
        double slope = MemorySample.bytesPerConnection(samples, bytes);
        return Double.isNaN(slope) ? "n/a" : (Object) Math.round(slope);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
