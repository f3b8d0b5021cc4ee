package io.switchboard.server.app;

import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.SecureIdGenerator;
import io.switchboard.core.room.FlightService;
import io.switchboard.core.room.PrivyDropPolicy;
import io.switchboard.core.room.PrivyRoomService;
import io.switchboard.protocol.dropsilk.DropSilkDialect;
import io.switchboard.protocol.privydrop.PrivyDropDialect;
import io.switchboard.server.config.ServerConfig;
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
import java.util.List;
import java.util.Set;

/** Builds app modules by name. Adding an app is one entry in {@link #KNOWN} and one factory method. */
public final class AppModules {
    /** Every app this build can serve, with its conventional port (the one its frontend expects). */
    public static final List<KnownApp> KNOWN = List.of(new KnownApp("dropsilk", 8080), new KnownApp("privydrop", 3001));

    private AppModules() {}

    /** The module for {@code name}, its service registered on the context's node. */
    public static AppModule create(String name, ModuleContext ctx) {
        if ("dropsilk".equals(name)) {
            return dropSilk(ctx);
        }
        if ("privydrop".equals(name)) {
            return privyDrop(ctx);
        }
        throw new IllegalArgumentException("app: " + name + " (expected: one of "
                + KNOWN.stream().map(KnownApp::name).toList() + ")");
    }

    private static AppModule dropSilk(ModuleContext ctx) {
        ServerConfig config = ctx.config();
        DropSilkDialect dialect = new DropSilkDialect();
        FlightService service = new FlightService(AppId.DROPSILK, ctx.node());
        ctx.node().register(AppId.DROPSILK, service);
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
                .build();
        return new AppModule(dialect, service, ctx.node(), routes, null);
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
                new SocketIoApp(dialect, ctx.node(), Set.of("/")),
                cors,
                config.outboundBudgetBytes(),
                new SecureIdGenerator());
        RouteTable.Builder routes = RouteTable.builder();
        PrivyDropRoutes.register(
                routes,
                new PrivyDropServiceApi(service),
                cors,
                new PrivyDropRoutes.Context(
                        engineIo::clientCount,
                        () -> ctx.node().stores().isHealthy(),
                        "memory",
                        version(),
                        ctx.startedAt(),
                        ctx.clock()));
        routes.add(HttpMethod.GET, "/livez", HealthRoutes.livez());
        routes.add(HttpMethod.GET, "/readyz", readiness(ctx));
        return new AppModule(dialect, service, ctx.node(), routes.build(), engineIo);
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
