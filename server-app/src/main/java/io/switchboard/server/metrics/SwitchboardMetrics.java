package io.switchboard.server.metrics;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.telemetry.CoreMetrics;
import io.switchboard.server.engineio.EngineIoServer;
import io.switchboard.server.http.Route;
import io.switchboard.server.pipeline.ConnectionLimitHandler;
import io.switchboard.server.pipeline.UnhandledExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The metrics of one server: a Prometheus registry of its own, plus the process-wide JVM and process metrics. Gauges
 * and most counters are callbacks that read counters the server already keeps, so nothing is added to hot paths but
 * the relay counters the core feeds through {@link CoreMetrics} and the close counts. Thread-safe.
 *
 * <p>Names follow the Prometheus conventions (base units, {@code _total} for counters). Labels are only {@code app},
 * {@code transport}, {@code type}, {@code code}, {@code reason}, {@code direction} and {@code version}: never an id.
 */
public final class SwitchboardMetrics implements CoreMetrics {
    /** The content type of the text format the route serves. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /** Set on each listener channel, so that code holding a child channel can count the close codes it sends. */
    public static final AttributeKey<SwitchboardMetrics> LISTENER_ATTRIBUTE =
            AttributeKey.valueOf(SwitchboardMetrics.class, "metrics");

    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();
    private static final double[] RELAY_BUCKETS = {
        0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1
    };
    private static final double[] STORE_BUCKETS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1
    };

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<AppSources> apps = new CopyOnWriteArrayList<>();
    private final Map<AppId, DistributionDataPoint> relayTimers = new ConcurrentHashMap<>();
    private final Counter relayed;
    private final Histogram relayLatency;
    private final Counter closes;
    private final Histogram storeOperations;
    private volatile BusReadings bus = BusReadings.NONE;

    /** Creates the registry with every metric family; {@code version} becomes {@code switchboard_build_info}. */
    public SwitchboardMetrics(String version) {
        requireNonNull(version, "version");
        MultiCollector jvm = () -> JvmHolder.REGISTRY.scrape();
        registry.register(jvm);
        Info.builder()
                .name("switchboard_build_info")
                .help("Build information; the value is always 1.")
                .labelNames("version")
                .register(registry)
                .addLabelValues(version);
        relayed = Counter.builder()
                .name("switchboard_messages_relayed_total")
                .help("Signaling messages handed to the router for a peer, by app and message type.")
                .labelNames("app", "type")
                .withoutExemplars()
                .register(registry);
        relayLatency = Histogram.builder()
                .name("switchboard_relay_latency_seconds")
                .help("Time spent in SignalingNode.handle for one relay command (from the rate-limit check until the"
                        + " app service returns, including local delivery to the target's outbound queue; network"
                        + " writes and store round trips that complete later are not included).")
                .labelNames("app")
                .classicOnly()
                .classicUpperBounds(RELAY_BUCKETS)
                .withoutExemplars()
                .register(registry);
        closes = Counter.builder()
                .name("switchboard_closes_total")
                .help("WebSocket close frames the server sent, by close code.")
                .labelNames("code")
                .withoutExemplars()
                .register(registry);
        for (CloseReason reason : CloseReason.values()) {
            closes.labelValues(Integer.toString(reason.code())); // every known code shows from the start, at 0
        }
        storeOperations = registerStoreMetrics();
        registerAppGauges();
        GaugeWithCallback.builder()
                .name("switchboard_netty_direct_memory_bytes")
                .help("Direct memory Netty holds in this process: its own count when it manages direct buffers"
                        + " without the JDK cleaner, else the default allocator's (see NettyDirectMemory); -1 when"
                        + " neither is known. Read by switchboard bench --server-pid for memory per connection.")
                .callback(callback -> callback.call((double) NettyDirectMemory.usedBytes()))
                .register(registry);
    }

    /** The version of the running jar ({@code Implementation-Version}), or {@code dev} when run from classes. */
    public static String buildVersion() {
        String version = SwitchboardMetrics.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * Counts a close frame with {@code code} sent on {@code channel}, a child of a listener that carries {@link
     * #LISTENER_ATTRIBUTE}; does nothing for any other channel. Any thread.
     */
    public static void countClose(Channel channel, int code) {
        Channel listener = channel.parent();
        SwitchboardMetrics metrics =
                listener == null ? null : listener.attr(LISTENER_ATTRIBUTE).get();
        if (metrics != null) {
            metrics.closes.labelValues(Integer.toString(code)).inc();
        }
    }

    /** The {@code GET /metrics} route. */
    public Route route() {
        return new MetricsRoute(this);
    }

    /**
     * Reads the node's and the pipeline's counters at scrape time: commands refused for the message rate, events with
     * no live target, connections refused over the cap, and unexpected errors.
     */
    public void watch(SignalingNode node, ConnectionLimitHandler connections, UnhandledExceptionHandler errors) {
        callbackCounter(
                "switchboard_rate_limited_total",
                "Commands refused because a session exceeded its message rate.",
                node::rateLimitedCount);
        callbackCounter(
                "switchboard_undeliverable_total",
                "Events that found no live target session (gone, or its node unreachable).",
                () -> node.router().undeliverable());
        callbackCounter(
                "switchboard_connections_refused_total",
                "TCP connections refused with 503 because the process was at its connection cap.",
                connections::refused);
        callbackCounter(
                "switchboard_unexpected_errors_total",
                "Unexpected exceptions that reached the end of a connection's pipeline (bugs).",
                errors::unexpected);
    }

    /**
     * Reports a plain-WebSocket app: its sessions (all of them on the {@code websocket} transport) and its rooms,
     * both read at scrape time.
     */
    public void watchWebSocketApp(String app, IntSupplier sessions, IntSupplier rooms) {
        apps.add(new AppSources(app, sessions, null, rooms));
    }

    /**
     * Reports an Engine.IO app: its clients by transport ({@code websocket} after the upgrade, {@code polling}
     * before) and, when {@code rooms} is not null, its rooms, read at scrape time.
     */
    public void watchEngineIoApp(String app, EngineIoServer engineIo, @Nullable IntSupplier rooms) {
        requireNonNull(engineIo, "engineIo");
        apps.add(new AppSources(
                app,
                engineIo::webSocketCount,
                () -> Math.max(0, engineIo.clientCount() - engineIo.webSocketCount()),
                rooms));
    }

    @Override
    public CoreMetrics.RelayCounter relayed(AppId app, String type) {
        timer(app); // the app's latency series shows from the start, empty
        var point = relayed.labelValues(app.name(), type);
        return point::inc;
    }

    @Override
    public void relayHandled(AppId app, long nanos) {
        timer(app).observe(nanos / 1e9);
    }

    /** Every metric, in the Prometheus text format 0.0.4. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            WRITER.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private DistributionDataPoint timer(AppId app) {
        return relayTimers.computeIfAbsent(app, a -> relayLatency.labelValues(a.name()));
    }

    private Histogram registerStoreMetrics() {
        callbackCounter(
                "switchboard_bus_publish_errors_total",
                "Node bus publishes that failed (Redis unreachable, queue full). Always 0 with the in-memory store.",
                () -> bus.publishErrors().getAsLong());
        callbackCounter(
                "switchboard_bus_inbox_resubscribes_total",
                "Times the bus watchdog found this node's inbox subscription silent (not even its own probes arrived)"
                        + " and subscribed again. Always 0 with the in-memory store.",
                () -> bus.inboxResubscribes().getAsLong());
        CounterWithCallback.builder()
                .name("switchboard_bus_deliveries_total")
                .help("Events that crossed the node bus: published (Redis accepted them for another node's inbox) or"
                        + " received (decoded from this node's inbox). Always 0 with the in-memory store.")
                .labelNames("direction")
                .callback(callback -> {
                    callback.call((double) bus.published().getAsLong(), "published");
                    callback.call((double) bus.received().getAsLong(), "received");
                })
                .register(registry);
        callbackCounter(
                "switchboard_bus_frames_published_total",
                "PUBLISH commands the bus sent. Deliveries for one node are packed into one frame, so deliveries over"
                        + " frames is the packing ratio. Always 0 with the in-memory store.",
                () -> bus.framesPublished().getAsLong());
        callbackCounter(
                "switchboard_bus_decode_failures_total",
                "Inbox records dropped because they did not decode (an event type from a newer node, during a rolling"
                        + " upgrade), or whole frames with broken framing. Always 0 with the in-memory store.",
                () -> bus.decodeFailures().getAsLong());
        return Histogram.builder()
                .name("switchboard_store_operation_seconds")
                .help("Duration of shared-store calls to Redis (the round trip on the store's threads). Empty with"
                        + " the in-memory store, whose operations complete at once.")
                .classicOnly()
                .classicUpperBounds(STORE_BUCKETS)
                .withoutExemplars()
                .register(registry);
    }

    /** Reads the cross-node bus's counters from {@code readings} at scrape time. */
    public void watchBus(BusReadings readings) {
        bus = requireNonNull(readings, "readings");
    }

    /** Records one store call that took {@code nanos}; called on the store's threads. */
    public void storeOperation(long nanos) {
        storeOperations.observe(nanos / 1e9);
    }

    private void registerAppGauges() {
        GaugeWithCallback.builder()
                .name("switchboard_connections")
                .help("Open client sessions, by app and transport (Engine.IO clients for Socket.IO apps).")
                .labelNames("app", "transport")
                .callback(callback -> {
                    for (AppSources app : apps) {
                        callback.call(app.webSocket().getAsInt(), app.name(), "websocket");
                        if (app.polling() != null) {
                            callback.call(app.polling().getAsInt(), app.name(), "polling");
                        }
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("switchboard_rooms")
                .help("Active rooms (DropSilk flights, PrivyDrop rooms), by app.")
                .labelNames("app")
                .callback(callback -> {
                    for (AppSources app : apps) {
                        if (app.rooms() != null) {
                            callback.call(app.rooms().getAsInt(), app.name());
                        }
                    }
                })
                .register(registry);
    }

    private void callbackCounter(String name, String help, LongSupplier count) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> callback.call((double) count.getAsLong()))
                .register(registry);
    }

    private record AppSources(
            String name, IntSupplier webSocket, @Nullable IntSupplier polling, @Nullable IntSupplier rooms) {}

    /**
     * JVM and process metrics are process-wide, so they live in one registry per process that every server's
     * registry includes: registering them per server would add GC listeners and registries that are never released.
     */
    private static final class JvmHolder {
        static final PrometheusRegistry REGISTRY = create();

        private static PrometheusRegistry create() {
            PrometheusRegistry registry = new PrometheusRegistry();
            JvmMetrics.builder().register(registry);
            return registry;
        }
    }
}
