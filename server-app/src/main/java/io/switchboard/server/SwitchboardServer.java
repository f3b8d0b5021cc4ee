package io.switchboard.server;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.Alphabets;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SecureIdGenerator;
import io.switchboard.core.message.Event;
import io.switchboard.core.network.TrustedProxies;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.Stores;
import io.switchboard.core.telemetry.TelemetryEvent;
import io.switchboard.server.app.AppModule;
import io.switchboard.server.app.AppModules;
import io.switchboard.server.app.ModuleContext;
import io.switchboard.server.config.AppBinding;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.metrics.SwitchboardMetrics;
import io.switchboard.server.pipeline.ConnectionLimitHandler;
import io.switchboard.server.pipeline.HttpRequestRouter;
import io.switchboard.server.pipeline.SwitchboardChannelInitializer;
import io.switchboard.server.pipeline.SwitchboardChannelInitializer.SharedHandlers;
import io.switchboard.server.pipeline.UnhandledExceptionHandler;
import io.switchboard.server.store.StoreBackend;
import io.switchboard.server.telemetry.EventLog;
import io.switchboard.server.telemetry.FlightStories;
import io.switchboard.server.telemetry.LogRing;
import io.switchboard.server.transport.EventLoopScheduler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Switchboard process: event loops, the node, one listener per app. {@link #start()} binds everything and logs
 * one ready line; {@link #shutdown()} drains (readiness 503, upgrades refused, every session told and closed with
 * 1001) and releases everything within the shutdown timeout.
 */
public final class SwitchboardServer {
    private static final Logger log = LoggerFactory.getLogger(SwitchboardServer.class);
    private static final int LOG_RING_LINES = 1000;
    private static final Duration STORY_SWEEP = Duration.ofMinutes(10);
    private static final Duration STORY_STALE_AFTER = Duration.ofHours(2);

    private final ServerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ServerState state = new ServerState();
    private final LogRing logs = new LogRing(LOG_RING_LINES);
    private final EventLog telemetry = new EventLog(logs, clock);
    private final SwitchboardMetrics metrics = new SwitchboardMetrics(SwitchboardMetrics.buildVersion());
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
    private final List<AppModule> modules = new ArrayList<>();
    private final Object lifecycle = new Object();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private StoreBackend backend;
    private SignalingNode node;
    private boolean started;
    private boolean stopped;

    /** Creates a server for {@code config}; nothing happens before {@link #start()}. */
    public SwitchboardServer(ServerConfig config) {
        this.config = requireNonNull(config, "config");
    }

    /** Binds every listener and logs the ready line. Throws if a port cannot be bound (after releasing all). */
    public void start() throws InterruptedException {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("already started");
            }
            started = true;
            boolean ok = false;
            try {
                startLocked(); // Netty's sync() rethrows a bind failure undeclared, hence the finally
                ok = true;
            } finally {
                if (!ok) {
                    releaseResources();
                    terminated.countDown();
                }
            }
        }
    }

    /** The address each app's listener is bound to, by app name, in start order. */
    public Map<String, InetSocketAddress> boundAddresses() {
        synchronized (lifecycle) {
            return Map.copyOf(bound);
        }
    }

    /** The port {@code app} listens on. */
    public int port(String app) {
        InetSocketAddress address = boundAddresses().get(app);
        if (address == null) {
            throw new IllegalArgumentException("app: " + app + " (expected: one of " + bound.keySet() + ")");
        }
        return address.getPort();
    }

    /** The metrics of this server (served at {@code /metrics} on every listener). */
    public SwitchboardMetrics metrics() {
        return metrics;
    }

    /** The node, for tests and the bench tool. */
    public SignalingNode node() {
        return node;
    }

    /**
     * Drains and stops: readiness turns 503 and upgrades are refused, every session gets the app's shutdown message
     * and a 1001 close, then listeners and whatever is left are closed, at the latest when the shutdown timeout ends.
     * Idempotent; blocks until done.
     */
    public void shutdown() {
        synchronized (lifecycle) {
            if (stopped || !started) {
                terminated.countDown();
                return;
            }
            stopped = true;
        }
        try {
            drain();
        } finally {
            releaseResources();
            terminated.countDown();
        }
    }

    /** Blocks until {@link #shutdown()} has finished. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    private void startLocked() throws InterruptedException {
        Transport transport = Transport.select(config.transport());
        boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        workers = new MultiThreadIoEventLoopGroup(
                Transport.workerThreads(config.workerThreads()), transport.ioHandlerFactory());
        FlightStories stories = new FlightStories(telemetry, clock, STORY_STALE_AFTER);
        telemetry.addListener(stories);
        var unusedSweep = workers.scheduleAtFixedRate(
                stories::sweep, STORY_SWEEP.toMillis(), STORY_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        backend = StoreBackend.open(config.store(), clock);
        Stores stores = backend.stores();
        NodeId nodeId = new NodeId(new SecureIdGenerator().randomString(Alphabets.BASE36_LOWER, 12));
        node = new SignalingNode(
                nodeId,
                stores,
                new SignalingNode.NodeServices(
                        clock,
                        new SecureIdGenerator(),
                        new EventLoopScheduler(workers),
                        telemetry,
                        config.limits(),
                        metrics));
        backend.attach(node, config.nodeHeartbeat(), metrics);
        ModuleContext context =
                new ModuleContext(config, node, telemetry, logs, state, clock.instant(), clock, metrics);
        SharedHandlers shared = new SharedHandlers(
                new ConnectionLimitHandler(config.maxConnections()), new UnhandledExceptionHandler());
        metrics.watch(node, shared.connectionLimit(), shared.exceptions());
        TrustedProxies proxies = TrustedProxies.of(config.trustedProxies());
        CorsPolicy origins = new CorsPolicy(config.allowedOrigins());
        for (AppBinding binding : config.apps()) {
            AppModule module = AppModules.create(binding.name(), context);
            modules.add(module);
            HttpRequestRouter router = new HttpRequestRouter(
                    module.routes(), origins, proxies, state, module.engineIo(), config.maxBodyBytes());
            Channel listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(transport.serverChannel())
                    .attr(SwitchboardMetrics.LISTENER_ATTRIBUTE, metrics)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(new SwitchboardChannelInitializer(config, module, state, shared, router))
                    .bind(config.host(), binding.port())
                    .sync()
                    .channel();
            state.channels().add(listener);
            bound.put(binding.name(), (InetSocketAddress) listener.localAddress());
        }
        String listeners = bound.entrySet().stream()
                .map(e -> e.getKey() + "=" + displayHost() + ":" + e.getValue().getPort())
                .collect(Collectors.joining(" "));
        telemetry.emit(TelemetryEvent.info("system:startup", "listeners", listeners, "transport", transport.name()));
        log.info(
                "Switchboard ready: {} (transport {}, store {}, node {})",
                listeners,
                transport.name(),
                backend.description(),
                nodeId);
    }

    /** The configured bind address as people write it (an epoll wildcard socket reports itself as {@code ::}). */
    private String displayHost() {
        return config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    }

    private void drain() {
        state.startDraining();
        telemetry.emit(TelemetryEvent.info(
                "system:shutdown", "sessions", node.sessions().size()));
        // Listeners stay open while draining: /readyz answers 503 so a load balancer takes this node out, and new
        // upgrades are refused with 503; everything is closed at the end.
        for (Session session : node.sessions().all()) {
            session.sink().send(new Event.ShuttingDown());
            session.sink().close(CloseReason.GOING_AWAY);
        }
        for (AppModule module : modules) {
            if (module.engineIo() != null) {
                module.engineIo().shutdown(); // sessions that never connected to a namespace
            }
        }
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        while (node.sessions().size() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (node.sessions().size() > 0) {
            log.warn(
                    "{} sessions still open after the shutdown timeout; closing them",
                    node.sessions().size());
        }
        state.channels().close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        log.info("Switchboard stopped");
    }

    private void releaseResources() {
        if (node != null) {
            node.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }
}
