package io.switchboard.server.http.privydrop;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.core.Nullable;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.Route;
import io.switchboard.server.http.RouteTable;
import io.switchboard.server.telemetry.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The PrivyDrop routes registered on a route table with a fake service, a fixed clock and fixed system figures, and
 * requests sent through the table the way the router sends them (the request is released once the route returns).
 */
final class PrivyDropServer {
    static final String ALLOWED = "http://127.0.0.1:34102";
    static final String OTHER_ORIGIN = "https://evil.example";
    static final String CLIENT_IP = "203.0.113.7";
    static final String JSON = "application/json";
    static final Instant STARTED = Instant.parse("2024-05-01T12:00:00Z");

    final FakeApi api = new FakeApi();
    final MutableClock clock = new MutableClock(STARTED);
    final FixedMetrics metrics = new FixedMetrics();
    boolean storeHealthy = true;
    int connections;

    @Nullable
    RuntimeException storeCheckFailure;

    private final RouteTable table;

    PrivyDropServer() {
        this("memory", PrivyDropRoutes.Limits.DEFAULTS);
    }

    PrivyDropServer(String storeDescription, PrivyDropRoutes.Limits limits) {
        PrivyDropRoutes.Context ctx = new PrivyDropRoutes.Context(
                () -> connections, this::checkStore, storeDescription, "1.2.3", STARTED, clock);
        RouteTable.Builder builder = RouteTable.builder();
        PrivyDropRoutes.register(builder, api, new CorsPolicy(List.of(ALLOWED)), ctx, limits, metrics);
        table = builder.build();
    }

    /** A request with a body (may be empty) and headers given as alternating names and values. */
    static FullHttpRequest request(HttpMethod method, String uri, String body, String... headerNamesAndValues) {
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, method, uri, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.headers().add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return request;
    }

    /** POSTs {@code json} as {@code application/json} from {@link #ALLOWED}. */
    Answer post(String path, String json) {
        return call(request(HttpMethod.POST, path, json, "Content-Type", JSON, "Origin", ALLOWED), CLIENT_IP);
    }

    /** GETs {@code path} from {@link #ALLOWED}. */
    Answer get(String path) {
        return call(request(HttpMethod.GET, path, "", "Origin", ALLOWED), CLIENT_IP);
    }

    /** Sends {@code request} from {@code ip} and waits for the (normally already completed) answer. */
    Answer call(FullHttpRequest request, String ip) {
        return Answer.of(send(request, ip).toCompletableFuture().join());
    }

    /** Sends {@code request} from {@code ip}, releases it as the router does, and returns the route's stage. */
    CompletionStage<FullHttpResponse> send(FullHttpRequest request, String ip) {
        try {
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            Route route = table.find(request.method(), query.path());
            assertNotNull(route, () -> "no route for " + request.method() + " " + query.path());
            return route.handle(new HttpRequestContext(request, query, ClientAddress.parse(ip)));
        } finally {
            request.release();
        }
    }

    private boolean checkStore() {
        if (storeCheckFailure != null) {
            throw storeCheckFailure;
        }
        return storeHealthy;
    }

    /** A response read into values; reading releases it. */
    record Answer(int status, HttpHeaders headers, String body) {
        static Answer of(FullHttpResponse response) {
            try {
                return new Answer(
                        response.status().code(),
                        new DefaultHttpHeaders().set(response.headers()),
                        response.content().toString(StandardCharsets.UTF_8));
            } finally {
                response.release();
            }
        }

        @Nullable
        String header(CharSequence name) {
            return headers.get(name);
        }

        @Nullable
        String contentType() {
            return headers.get(HttpHeaderNames.CONTENT_TYPE);
        }
    }

    /** System figures a test sets. */
    static final class FixedMetrics implements SystemMetrics {
        long heapUsed = 50L * 1024 * 1024;
        long heapMax = 200L * 1024 * 1024;
        int cpuPercent = 3;

        @Override
        public long heapUsed() {
            return heapUsed;
        }

        @Override
        public long heapMax() {
            return heapMax;
        }

        @Override
        public int cpuPercent() {
            return cpuPercent;
        }

        @Override
        public String platform() {
            return "linux";
        }

        @Override
        public String arch() {
            return "x64";
        }

        @Override
        public String javaVersion() {
            return "17.0.12";
        }
    }
}
