package io.switchboard.server.config;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.Nullable;
import io.switchboard.core.network.Cidr;
import io.switchboard.server.engineio.EngineIoConfig;
import io.switchboard.server.http.privydrop.PrivyDropRoutes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a Switchboard process is started with. Immutable; built with {@link #newBuilder()} from {@link
 * #DEFAULTS}, which is the one place defaults live.
 *
 * @param host the address every listener binds
 * @param apps the apps to serve and their ports
 * @param allowLocalPorts dev-server ports whose {@code http://localhost:P} and {@code http://127.0.0.1:P} origins
 *     are allowed
 * @param allowOrigins further allowed origins, matched exactly
 * @param trustedProxies peers whose {@code X-Forwarded-For} is believed
 * @param logKey the key for {@code /logs}; null disables the route
 * @param turnSecret the coturn {@code static-auth-secret}; null disables {@code /api/turn-credentials}
 * @param turnUris the TURN/STUN URIs handed out with credentials
 * @param turnTtl how long issued TURN credentials stay valid
 * @param turnRequestsPerMinute TURN credential requests one client IP may make a minute; more get 429
 * @param maxFrameBytes largest WebSocket message; larger ones close the session with 1009
 * @param maxBodyBytes largest HTTP request body; larger ones get 413
 * @param maxConnections connections held at once; more get 503 and are closed
 * @param idleTimeout how long an HTTP connection may stay silent before it is closed
 * @param pingInterval how often WebSocket sessions are pinged; one unanswered ping closes the session
 * @param shutdownTimeout how long a shutdown waits for sessions to close
 * @param outboundBudgetBytes bytes a session may have queued towards a slow client before it is closed (4008)
 * @param limits the limits every app shares
 * @param transport {@code auto} (native epoll when available), {@code epoll} or {@code nio}
 * @param workerThreads event-loop threads; 0 means one per core
 * @param engineIo the Engine.IO settings of the Socket.IO apps (heartbeat, largest message, connect timeout)
 * @param joinRateLimit whether PrivyDrop limits fresh joins per client IP (2 per 5 s, as the original)
 * @param trackRequestsPerMinute PrivyDrop {@code POST /api/set_track} requests one client IP may make a minute; more
 *     get 429 (a page load makes one)
 * @param clientLogRequestsPerMinute PrivyDrop {@code POST /api/logs_debug} requests one client IP may make a minute;
 *     more get 429 (development builds of the frontend post their logs)
 * @param store where shared state lives: {@code memory} (this process only) or {@code redis://} / {@code rediss://}
 *     {@code [user:password@]host:port[/db]} (every node of a deployment shares it)
 * @param nodeHeartbeat with a Redis store, how often this node heartbeats; a node silent for about 1.5 periods is
 *     taken for dead and its sessions are cleaned up by the survivors
 */
public record ServerConfig(
        String host,
        List<AppBinding> apps,
        List<Integer> allowLocalPorts,
        List<String> allowOrigins,
        List<Cidr> trustedProxies,
        @Nullable String logKey,
        @Nullable String turnSecret,
        List<String> turnUris,
        Duration turnTtl,
        int turnRequestsPerMinute,
        int maxFrameBytes,
        int maxBodyBytes,
        int maxConnections,
        Duration idleTimeout,
        Duration pingInterval,
        Duration shutdownTimeout,
        int outboundBudgetBytes,
        CoreLimits limits,
        String transport,
        int workerThreads,
        EngineIoConfig engineIo,
        boolean joinRateLimit,
        int trackRequestsPerMinute,
        int clientLogRequestsPerMinute,
        String store,
        Duration nodeHeartbeat) {

    /** Every default, in one place. */
    public static final ServerConfig DEFAULTS = new ServerConfig(
            "0.0.0.0",
            List.of(new AppBinding("dropsilk", 8080), new AppBinding("privydrop", 3001)),
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            List.of(),
            Duration.ofHours(1),
            30,
            1024 * 1024,
            64 * 1024,
            50_000,
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            1024 * 1024,
            CoreLimits.DEFAULTS,
            "auto",
            0,
            EngineIoConfig.DEFAULTS,
            true,
            PrivyDropRoutes.Limits.DEFAULTS.trackPerMinute(),
            PrivyDropRoutes.Limits.DEFAULTS.logsPerMinute(),
            "memory",
            Duration.ofSeconds(2));

    /** Validates every value. */
    public ServerConfig {
        requireNonNull(host, "host");
        apps = List.copyOf(apps);
        allowLocalPorts = List.copyOf(allowLocalPorts);
        allowOrigins = List.copyOf(allowOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        turnUris = List.copyOf(turnUris);
        requireNonNull(turnTtl, "turnTtl");
        requireNonNull(idleTimeout, "idleTimeout");
        requireNonNull(pingInterval, "pingInterval");
        requireNonNull(shutdownTimeout, "shutdownTimeout");
        requireNonNull(limits, "limits");
        requireNonNull(transport, "transport");
        requireNonNull(engineIo, "engineIo");
        requireStore(store, nodeHeartbeat);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("apps: none (expected: at least one --app NAME=PORT)");
        }
        if (apps.stream().map(AppBinding::name).distinct().count() != apps.size()) {
            throw new IllegalArgumentException("apps: " + apps + " (expected: each app once)");
        }
        for (int port : allowLocalPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("allow-local-port: " + port + " (expected: 1..65535)");
            }
        }
        requirePositive("max-frame-bytes", maxFrameBytes);
        requirePositive("max-body-bytes", maxBodyBytes);
        requirePositive("max-connections", maxConnections);
        requirePositive("turn-requests-per-minute", turnRequestsPerMinute);
        requirePositive("outbound-budget-bytes", outboundBudgetBytes);
        requirePositive("track-requests-per-minute", trackRequestsPerMinute);
        requirePositive("client-log-requests-per-minute", clientLogRequestsPerMinute);
        if (turnTtl.isNegative() || turnTtl.isZero()) {
            throw new IllegalArgumentException("turn-ttl: " + turnTtl + " (expected: > 0)");
        }
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("ping-interval: " + pingInterval + " (expected: > 0)");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle-timeout: " + idleTimeout + " (expected: > 0)");
        }
        if (!List.of("auto", "epoll", "nio").contains(transport)) {
            throw new IllegalArgumentException("transport: " + transport + " (expected: auto, epoll or nio)");
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("worker-threads: " + workerThreads + " (expected: >= 0)");
        }
        if (logKey != null && logKey.isEmpty()) {
            logKey = null;
        }
        if (turnSecret != null && turnSecret.isEmpty()) {
            turnSecret = null;
        }
        if (turnSecret != null && turnUris.isEmpty()) {
            throw new IllegalArgumentException(
                    "turn-uri: none (expected: at least one --turn-uri turn:host:port when --turn-secret is set)");
        }
    }

    /** A builder starting from {@link #DEFAULTS}. */
    public static Builder newBuilder() {
        return DEFAULTS.toBuilder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Every allowed origin: the exact ones plus the two loopback origins of each local port. */
    public List<String> allowedOrigins() {
        List<String> origins = new ArrayList<>(allowOrigins);
        for (int port : allowLocalPorts) {
            origins.add("http://localhost:" + port);
            origins.add("http://127.0.0.1:" + port);
        }
        return List.copyOf(origins);
    }

    private static void requireStore(String store, Duration nodeHeartbeat) {
        requireNonNull(store, "store");
        requireNonNull(nodeHeartbeat, "nodeHeartbeat");
        if (!store.equals("memory") && !store.startsWith("redis://") && !store.startsWith("rediss://")) {
            throw new IllegalArgumentException(
                    "store: " + store + " (expected: memory, redis://[user:password@]host:port[/db] or rediss://...)");
        }
        if (nodeHeartbeat.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("node-heartbeat: " + nodeHeartbeat + " (expected: >= 100ms)");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }

    /** Builds a {@link ServerConfig}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String host;
        private List<AppBinding> apps;
        private List<Integer> allowLocalPorts;
        private List<String> allowOrigins;
        private List<Cidr> trustedProxies;
        private @Nullable String logKey;
        private @Nullable String turnSecret;
        private List<String> turnUris;
        private Duration turnTtl;
        private int turnRequestsPerMinute;
        private int maxFrameBytes;
        private int maxBodyBytes;
        private int maxConnections;
        private Duration idleTimeout;
        private Duration pingInterval;
        private Duration shutdownTimeout;
        private int outboundBudgetBytes;
        private CoreLimits limits;
        private String transport;
        private int workerThreads;
        private EngineIoConfig engineIo;
        private boolean joinRateLimit;
        private int trackRequestsPerMinute;
        private int clientLogRequestsPerMinute;
        private String store;
        private Duration nodeHeartbeat;

        private Builder(ServerConfig c) {
            host = c.host;
            apps = c.apps;
            allowLocalPorts = c.allowLocalPorts;
            allowOrigins = c.allowOrigins;
            trustedProxies = c.trustedProxies;
            logKey = c.logKey;
            turnSecret = c.turnSecret;
            turnUris = c.turnUris;
            turnTtl = c.turnTtl;
            turnRequestsPerMinute = c.turnRequestsPerMinute;
            maxFrameBytes = c.maxFrameBytes;
            maxBodyBytes = c.maxBodyBytes;
            maxConnections = c.maxConnections;
            idleTimeout = c.idleTimeout;
            pingInterval = c.pingInterval;
            shutdownTimeout = c.shutdownTimeout;
            outboundBudgetBytes = c.outboundBudgetBytes;
            limits = c.limits;
            transport = c.transport;
            workerThreads = c.workerThreads;
            engineIo = c.engineIo;
            joinRateLimit = c.joinRateLimit;
            trackRequestsPerMinute = c.trackRequestsPerMinute;
            clientLogRequestsPerMinute = c.clientLogRequestsPerMinute;
            store = c.store;
            nodeHeartbeat = c.nodeHeartbeat;
        }

        /** See {@link ServerConfig#host()}. */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** See {@link ServerConfig#apps()}. */
        public Builder apps(List<AppBinding> v) {
            apps = v;
            return this;
        }

        /** See {@link ServerConfig#allowLocalPorts()}. */
        public Builder allowLocalPorts(List<Integer> v) {
            allowLocalPorts = v;
            return this;
        }

        /** See {@link ServerConfig#allowOrigins()}. */
        public Builder allowOrigins(List<String> v) {
            allowOrigins = v;
            return this;
        }

        /** See {@link ServerConfig#trustedProxies()}. */
        public Builder trustedProxies(List<Cidr> v) {
            trustedProxies = v;
            return this;
        }

        /** See {@link ServerConfig#logKey()}. */
        public Builder logKey(@Nullable String v) {
            logKey = v;
            return this;
        }

        /** See {@link ServerConfig#turnSecret()}. */
        public Builder turnSecret(@Nullable String v) {
            turnSecret = v;
            return this;
        }

        /** See {@link ServerConfig#turnUris()}. */
        public Builder turnUris(List<String> v) {
            turnUris = v;
            return this;
        }

        /** See {@link ServerConfig#turnTtl()}. */
        public Builder turnTtl(Duration v) {
            turnTtl = v;
            return this;
        }

        /** See {@link ServerConfig#turnRequestsPerMinute()}. */
        public Builder turnRequestsPerMinute(int v) {
            turnRequestsPerMinute = v;
            return this;
        }

        /** See {@link ServerConfig#maxFrameBytes()}. */
        public Builder maxFrameBytes(int v) {
            maxFrameBytes = v;
            return this;
        }

        /** See {@link ServerConfig#maxBodyBytes()}. */
        public Builder maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        /** See {@link ServerConfig#maxConnections()}. */
        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        /** See {@link ServerConfig#idleTimeout()}. */
        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        /** See {@link ServerConfig#pingInterval()}. */
        public Builder pingInterval(Duration v) {
            pingInterval = v;
            return this;
        }

        /** See {@link ServerConfig#shutdownTimeout()}. */
        public Builder shutdownTimeout(Duration v) {
            shutdownTimeout = v;
            return this;
        }

        /** See {@link ServerConfig#outboundBudgetBytes()}. */
        public Builder outboundBudgetBytes(int v) {
            outboundBudgetBytes = v;
            return this;
        }

        /** See {@link ServerConfig#limits()}. */
        public Builder limits(CoreLimits v) {
            limits = v;
            return this;
        }

        /** See {@link ServerConfig#transport()}. */
        public Builder transport(String v) {
            transport = v;
            return this;
        }

        /** See {@link ServerConfig#workerThreads()}. */
        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        /** See {@link ServerConfig#engineIo()}. */
        public Builder engineIo(EngineIoConfig v) {
            engineIo = v;
            return this;
        }

        /** See {@link ServerConfig#joinRateLimit()}. */
        public Builder joinRateLimit(boolean v) {
            joinRateLimit = v;
            return this;
        }

        /** See {@link ServerConfig#trackRequestsPerMinute()}. */
        public Builder trackRequestsPerMinute(int v) {
            trackRequestsPerMinute = v;
            return this;
        }

        /** See {@link ServerConfig#clientLogRequestsPerMinute()}. */
        public Builder clientLogRequestsPerMinute(int v) {
            clientLogRequestsPerMinute = v;
            return this;
        }

        /** See {@link ServerConfig#store()}. */
        public Builder store(String v) {
            store = v;
            return this;
        }

        /** See {@link ServerConfig#nodeHeartbeat()}. */
        public Builder nodeHeartbeat(Duration v) {
            nodeHeartbeat = v;
            return this;
        }

        /** Validates and builds. */
        public ServerConfig build() {
            return new ServerConfig(
                    host,
                    apps,
                    allowLocalPorts,
                    allowOrigins,
                    trustedProxies,
                    logKey,
                    turnSecret,
                    turnUris,
                    turnTtl,
                    turnRequestsPerMinute,
                    maxFrameBytes,
                    maxBodyBytes,
                    maxConnections,
                    idleTimeout,
                    pingInterval,
                    shutdownTimeout,
                    outboundBudgetBytes,
                    limits,
                    transport,
                    workerThreads,
                    engineIo,
                    joinRateLimit,
                    trackRequestsPerMinute,
                    clientLogRequestsPerMinute,
                    store,
                    nodeHeartbeat);
        }
    }
}
