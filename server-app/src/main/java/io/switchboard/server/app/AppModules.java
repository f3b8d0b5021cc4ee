package io.switchboard.server.app;

import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.core.echo.EchoService;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.SecureIdGenerator;
import io.switchboard.core.room.FlightService;
import io.switchboard.core.room.PrivyDropPolicy;
import io.switchboard.core.room.PrivyRoomService;
import io.switchboard.protocol.dropsilk.DropSilkDialect;
import io.switchboard.protocol.echo.EchoDialect;
import io.switchboard.protocol.privydrop.PrivyDropDialect;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.engineio.EngineIoConfig;
import io.switchboard.server.engineio.EngineIoEcho;
import io.switchboard.server.engineio.EngineIoServer;
import io.switchboard.server.engineio.SocketIoApp;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.HealthRoutes;
import io.switchboard.server.http.IpRateLimiter;
import io.switchboard.server.http.LogsRoute;
import io.switchboard.server.http.RouteTable;
import io.switchboard.server.http.StatsRoute;
import io.switchboard.server.http.TextRoute;
import io.switchboard.server.http.TurnCredentials;
import io.switchboard.server.http.TurnCredentialsRoute;
import io.switchboard.server.http.UploadThingRoute;
import io.switchboard.server.http.privydrop.PrivyDropRoutes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds app modules by name. Adding an app is one entry in {@link #KNOWN} and one factory method. */
public final class AppModules {
    /** Every app this build can serve, with its conventional port (the one its frontend expects). */
    public static final List<KnownApp> KNOWN = List.of(
            new KnownApp("dropsilk", 8080),
            new KnownApp("privydrop", 3001),
            new KnownApp("socketio-conformance", 3000),
            new KnownApp("engineio-conformance", 3000));

    /**
     * The settings of the reference test servers the public Engine.IO and Socket.IO test suites are written for:
     * pingInterval 300 ms, pingTimeout 200 ms, maxPayload 1e6, connectTimeout 1 s.
     */
    static final EngineIoConfig CONFORMANCE = new EngineIoConfig(
            Duration.ofMillis(300), Duration.ofMillis(200), 1_000_000, Duration.ofSeconds(10), Duration.ofSeconds(1));

    private AppModules() {}

    /** The module for {@code name}, its service registered on the context's node. */
    public static AppModule create(String name, ModuleContext ctx) {
        if ("dropsilk".equals(name)) {
            return dropSilk(ctx);
        }
        if ("privydrop".equals(name)) {
            return privyDrop(ctx);
        }
        if ("socketio-conformance".equals(name)) {
            return socketIoConformance(ctx);
        }
        if ("engineio-conformance".equals(name)) {
            return engineIoConformance(ctx);
        }
        throw new IllegalArgumentException("app: " + name + " (expected: one of "
                + KNOWN.stream().map(KnownApp::name).toList() + ")");
    }

    private static AppModule dropSilk(ModuleContext ctx) {
        ServerConfig config = ctx.config();
        DropSilkDialect dialect = new DropSilkDialect();
        FlightService service = new FlightService(AppId.DROPSILK, ctx.node());
        ctx.node().register(AppId.DROPSILK, service);
        ctx.metrics()
                .watchWebSocketApp("dropsilk", () -> ctx.node().sessions().count(AppId.DROPSILK), service::activeRooms);
        TurnCredentials turn = config.turnSecret() == null
                ? null
                : new TurnCredentials(
                        config.turnSecret(), config.turnUris(), config.turnTtl(), ctx.clock(), new SecureIdGenerator());
        RouteTable routes = RouteTable.builder()
                .get("/", new TextRoute("Server is alive and waiting for WebSocket connections."))
                .get("/keep-alive", new TextRoute("OK"))
                .get(
                        "/stats",
                        new StatsRoute(
                                () -> ctx.node().sessions().count(AppId.DROPSILK),
                                service::activeRooms,
                                ctx.startedAt(),
                                ctx.clock()))
                .get("/logs", new LogsRoute(config.logKey(), ctx.logs(), ctx.telemetry()))
                .any(
                        "/api/turn-credentials",
                        new TurnCredentialsRoute(
                                turn,
                                new CorsPolicy(config.allowedOrigins()),
                                new IpRateLimiter(config.turnRequestsPerMinute(), ctx.clock()),
                                ctx.telemetry()))
                .prefix("/api/uploadthing", new UploadThingRoute())
                .add(HttpMethod.GET, "/livez", HealthRoutes.livez())
                .add(
                        HttpMethod.GET,
                        "/readyz",
                        HealthRoutes.readyz(() ->
                                !ctx.state().draining() && ctx.node().stores().isHealthy()))
                .get("/metrics", ctx.metrics().route())
                .build();
        return new AppModule("dropsilk", dialect, ctx.node(), routes, null);
    }

    private static AppModule privyDrop(ModuleContext ctx) {
        ServerConfig config = ctx.config();
        PrivyDropDialect dialect = new PrivyDropDialect();
        PrivyRoomService service = new PrivyRoomService(
                PrivyDropDialect.APP,
                ctx.node(),
                new PrivyDropPolicy(
                        config.joinRateLimit(),
                        PrivyDropPolicy.DEFAULTS.joinLimit(),
                        PrivyDropPolicy.DEFAULTS.joinWindow(),
                        PrivyDropPolicy.DEFAULTS.leases()));
        ctx.node().register(PrivyDropDialect.APP, service);
        CorsPolicy cors = new CorsPolicy(config.allowedOrigins());
        EngineIoServer engineIo = new EngineIoServer(
                config.engineIo(),
                EngineIoServer.SOCKET_IO_PATH,
                SocketIoApp.mainNamespace(dialect, ctx.node()),
                cors,
                config.outboundBudgetBytes(),
                new SecureIdGenerator());
        ctx.metrics().watchEngineIoApp("privydrop", engineIo, service::activeRooms);
        RouteTable.Builder routes = RouteTable.builder();
        PrivyDropRoutes.register(
                routes,
                new PrivyDropServiceApi(service),
                cors,
                new PrivyDropRoutes.Context(
                        engineIo::clientCount,
                        () -> ctx.node().stores().isHealthy(),
                        config.store(),
                        version(),
                        ctx.startedAt(),
                        ctx.clock()),
                new PrivyDropRoutes.Limits(config.trackRequestsPerMinute(), config.clientLogRequestsPerMinute()));
        routes.add(HttpMethod.GET, "/livez", HealthRoutes.livez());
        routes.add(HttpMethod.GET, "/readyz", readiness(ctx));
        routes.get("/metrics", ctx.metrics().route());
        return new AppModule("privydrop", null, ctx.node(), routes.build(), engineIo);
    }

    /**
     * The Socket.IO reference test server (a conformance aid, never started unless named): {@code auth} on connect,
     * {@code message} echoed as {@code message-back}, {@code message-with-ack} acknowledged, namespace {@code
     * /custom}; on the same Engine.IO/Socket.IO code as the apps.
     */
    private static AppModule socketIoConformance(ModuleContext ctx) {
        ctx.node().register(EchoDialect.APP, new EchoService());
        EngineIoServer engineIo = new EngineIoServer(
                CONFORMANCE,
                EngineIoServer.SOCKET_IO_PATH,
                new SocketIoApp(Map.of("/", EchoDialect.main(), "/custom", EchoDialect.greetOnly()), ctx.node()),
                new CorsPolicy(ctx.config().allowedOrigins()),
                ctx.config().outboundBudgetBytes(),
                new SecureIdGenerator());
        ctx.metrics().watchEngineIoApp("socketio-conformance", engineIo, null);
        return new AppModule("socketio-conformance", null, ctx.node(), healthOnly(ctx), engineIo);
    }

    /** The Engine.IO reference test server: every message echoed, at {@code /engine.io/}. */
    private static AppModule engineIoConformance(ModuleContext ctx) {
        EngineIoServer engineIo = new EngineIoServer(
                CONFORMANCE,
                "/engine.io/",
                new EngineIoEcho(),
                new CorsPolicy(ctx.config().allowedOrigins()),
                ctx.config().outboundBudgetBytes(),
                new SecureIdGenerator());
        ctx.metrics().watchEngineIoApp("engineio-conformance", engineIo, null);
        return new AppModule("engineio-conformance", null, ctx.node(), healthOnly(ctx), engineIo);
    }

    private static RouteTable healthOnly(ModuleContext ctx) {
        return RouteTable.builder()
                .add(HttpMethod.GET, "/livez", HealthRoutes.livez())
                .add(HttpMethod.GET, "/readyz", readiness(ctx))
                .get("/metrics", ctx.metrics().route())
                .build();
    }

    private static io.switchboard.server.http.Route readiness(ModuleContext ctx) {
        return HealthRoutes.readyz(
                () -> !ctx.state().draining() && ctx.node().stores().isHealthy());
    }

    private static String version() {
        String version = AppModules.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** An app name and its conventional port. */
    public record KnownApp(String name, int defaultPort) {}
}
