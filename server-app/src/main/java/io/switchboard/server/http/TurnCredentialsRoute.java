package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.core.Nullable;
import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.util.concurrent.CompletionStage;

/**
 * DropSilk's {@code /api/turn-credentials} (PROTOCOLS.md §1.8), answered with locally minted coturn credentials in
 * the shape of Cloudflare's answer that the frontend reads: {@code {"iceServers":[{"urls":[...],"username":"...",
 * "credential":"..."}],"ttl":<seconds>}}.
 *
 * <ul>
 *   <li>{@code OPTIONS}: 204;
 *   <li>{@code GET} without an issuer: 501 {@code {"error":"TURN service is not configured on the server."}};
 *   <li>{@code GET} over the per-IP limit: 429 {@code {"error":"Too many requests"}} with {@code Retry-After};
 *   <li>{@code GET}: 200 with the credentials, and a {@code turn:credentials_issued} {ip} event;
 *   <li>any other method: 404 {@code Not Found}, without CORS headers, as in the original.
 * </ul>
 *
 * <p>The first four carry {@code Access-Control-Allow-Methods: GET, OPTIONS} and {@code Access-Control-Allow-Headers:
 * Content-Type}, plus {@code Access-Control-Allow-Origin: <origin>} and {@code Vary: Origin} when the request's
 * {@code Origin} is allowed. Credentials are served whatever the origin: CORS only governs what a browser page may
 * read. Thread-safe.
 */
public final class TurnCredentialsRoute implements Route {
    static final String NOT_CONFIGURED = "TURN service is not configured on the server.";
    static final String TOO_MANY = "Too many requests";

    private final @Nullable TurnCredentials issuer;
    private final CorsPolicy cors;
    private final IpRateLimiter limiter;
    private final Telemetry telemetry;

    /** Mints with {@code issuer}; {@code null} means TURN is not configured (501). */
    public TurnCredentialsRoute(
            @Nullable TurnCredentials issuer, CorsPolicy cors, IpRateLimiter limiter, Telemetry telemetry) {
        this.issuer = issuer;
        this.cors = requireNonNull(cors, "cors");
        this.limiter = requireNonNull(limiter, "limiter");
        this.telemetry = requireNonNull(telemetry, "telemetry");
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        HttpMethod method = request.request().method();
        if (HttpMethod.OPTIONS.equals(method)) {
            return HttpResponses.now(withCors(HttpResponses.empty(HttpResponseStatus.NO_CONTENT), request));
        }
        if (!HttpMethod.GET.equals(method)) {
            return HttpResponses.now(HttpResponses.notFound());
        }
        return HttpResponses.now(withCors(get(request), request));
    }

    private FullHttpResponse get(HttpRequestContext request) {
        if (issuer == null) {
            return HttpResponses.jsonError(HttpResponseStatus.NOT_IMPLEMENTED, NOT_CONFIGURED);
        }
        String ip = request.client().ip();
        if (!limiter.tryAcquire(ip)) {
            FullHttpResponse response = HttpResponses.jsonError(HttpResponseStatus.TOO_MANY_REQUESTS, TOO_MANY);
            response.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(limiter.retryAfterSeconds(ip)));
            return response;
        }
        TurnCredentials.Issued issued = issuer.issue();
        telemetry.emit(TelemetryEvent.info("turn:credentials_issued", "ip", ip));
        return HttpResponses.json(HttpResponseStatus.OK, toJson(issued));
    }

    private FullHttpResponse withCors(FullHttpResponse response, HttpRequestContext request) {
        HttpHeaders headers = response.headers();
        String origin = request.header(HttpHeaderNames.ORIGIN);
        if (cors.isAllowed(origin)) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaderNames.VARY, "Origin");
        }
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS");
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
        return response;
    }

    static String toJson(TurnCredentials.Issued issued) {
        StringBuilder json = new StringBuilder(256).append("{\"iceServers\":[{\"urls\":[");
        for (int i = 0; i < issued.uris().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(JsonText.quote(issued.uris().get(i)));
        }
        return json.append("],\"username\":")
                .append(JsonText.quote(issued.username()))
                .append(",\"credential\":")
                .append(JsonText.quote(issued.credential()))
                .append("}],\"ttl\":")
                .append(issued.ttlSeconds())
                .append('}')
                .toString();
    }
}
