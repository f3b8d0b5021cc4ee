package io.switchboard.server.http.privydrop;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.IpRateLimiter;
import io.switchboard.server.http.Route;
import io.switchboard.server.http.RouteTable;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Registers PrivyDrop's REST endpoints (PROTOCOLS.md §2.6) on an app listener's route table:
 *
 * <pre>
 * GET  /api/get_room        POST /api/create_room    POST /api/check_room    POST /api/leave_room
 * POST /api/set_track       POST /api/logs_debug     GET  /health            GET  /api/health
 * GET  /health/detailed
 * </pre>
 *
 * <p>Every path answers its method, {@code OPTIONS} (the CORS preflight, 204) and, for any other method, 404; every
 * answer goes through the same credentialed CORS wrapper. Request bodies are read like {@code express.json()}:
 * parsed only with {@code Content-Type: application/json}, 400 {@code {"error":"Invalid JSON"}} when malformed, and a
 * field of the wrong type counts as missing. The exact bodies are documented on each route class.
 */
public final class PrivyDropRoutes {
    private PrivyDropRoutes() {}

    /** Registers every route with the {@link Limits#DEFAULTS default} per-IP limits. */
    public static void register(RouteTable.Builder routes, PrivyDropApi api, CorsPolicy cors, Context ctx) {
        register(routes, api, cors, ctx, Limits.DEFAULTS);
    }

    /**
     * Registers every route on {@code routes}: rooms through {@code api}, browser access by {@code cors}, health and
     * rate limits from {@code ctx}, per-IP limits from {@code limits}.
     */
    public static void register(
            RouteTable.Builder routes, PrivyDropApi api, CorsPolicy cors, Context ctx, Limits limits) {
        register(routes, api, cors, ctx, limits, SystemMetrics.jvm());
    }

    static void register(
            RouteTable.Builder routes,
            PrivyDropApi api,
            CorsPolicy cors,
            Context ctx,
            Limits limits,
            SystemMetrics metrics) {
        requireNonNull(routes, "routes");
        requireNonNull(cors, "cors");
        requireNonNull(limits, "limits");
        RoomRoutes rooms = new RoomRoutes(api);
        TrackRoute track = new TrackRoute(api, new IpRateLimiter(limits.trackPerMinute(), ctx.clock()));
        ClientLogRoute logs = new ClientLogRoute(new IpRateLimiter(limits.logsPerMinute(), ctx.clock()));
        HealthEndpoints health = new HealthEndpoints(ctx, metrics);
        add(routes, cors, HttpMethod.GET, "/api/get_room", rooms::getRoom);
        add(routes, cors, HttpMethod.POST, "/api/create_room", rooms::createRoom);
        add(routes, cors, HttpMethod.POST, "/api/check_room", rooms::checkRoom);
        add(routes, cors, HttpMethod.POST, "/api/leave_room", rooms::leaveRoom);
        add(routes, cors, HttpMethod.POST, "/api/set_track", track::handle);
        add(routes, cors, HttpMethod.POST, "/api/logs_debug", logs::handle);
        add(routes, cors, HttpMethod.GET, "/health", health::basic);
        add(routes, cors, HttpMethod.GET, "/api/health", health::basic);
        add(routes, cors, HttpMethod.GET, "/health/detailed", health::detailed);
    }

    private static void add(RouteTable.Builder routes, CorsPolicy cors, HttpMethod method, String path, Route route) {
        routes.any(path, new CorsRoute(cors, method, route));
    }

    /**
     * What the health endpoints report, and the clock the rate limits count minutes with. The suppliers are called on
     * the event loop and must not block.
     *
     * @param connections the number of connected Engine.IO clients ({@code socketio.connections})
     * @param storeHealthy whether the store is reachable now; false makes health 503
     * @param storeDescription the store as configured ({@code memory}, {@code redis://host:port}); only its scheme,
     *     host and port are shown
     * @param version the server version reported as {@code version}
     * @param startedAt when the server started, for {@code uptime}
     * @param clock the time source for timestamps, uptime and rate-limit windows
     */
    public record Context(
            IntSupplier connections,
            BooleanSupplier storeHealthy,
            String storeDescription,
            String version,
            Instant startedAt,
            Clock clock) {
        /** All fields are required. */
        public Context {
            requireNonNull(connections, "connections");
            requireNonNull(storeHealthy, "storeHealthy");
            requireNonNull(storeDescription, "storeDescription");
            requireNonNull(version, "version");
            requireNonNull(startedAt, "startedAt");
            requireNonNull(clock, "clock");
        }
    }

    /**
     * Per-client-IP limits on the two unauthenticated writers (PROTOCOLS.md §2.10). Over a limit a request gets 429
     * {@code {"error":"Too many requests"}} with {@code Retry-After} until the next wall-clock minute.
     *
     * @param trackPerMinute {@code POST /api/set_track} requests per IP per minute ({@code >= 1}); a page load sends
     *     one
     * @param logsPerMinute {@code POST /api/logs_debug} requests per IP per minute ({@code >= 1}); only
     *     non-production frontend builds send them
     */
    public record Limits(int trackPerMinute, int logsPerMinute) {
        /** 60 referrer counts and 120 debug logs per IP per minute. */
        public static final Limits DEFAULTS = new Limits(600, 600);

        /** Both limits must be at least 1. */
        public Limits {
            if (trackPerMinute < 1) {
                throw new IllegalArgumentException("trackPerMinute: " + trackPerMinute + " (expected: >= 1)");
            }
            if (logsPerMinute < 1) {
                throw new IllegalArgumentException("logsPerMinute: " + logsPerMinute + " (expected: >= 1)");
            }
        }
    }
}
