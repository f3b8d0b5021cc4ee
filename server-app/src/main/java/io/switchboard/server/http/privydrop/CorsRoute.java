package io.switchboard.server.http.privydrop;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.core.Nullable;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.Route;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PrivyDrop's credentialed CORS (PROTOCOLS.md §2.1, §7) around one route served for one method at one path.
 *
 * <ul>
 *   <li>Every answer carries {@code Vary: Origin}, because it depends on the origin (as with the {@code cors}
 *       package the original uses for a list of origins).
 *   <li>When the request's {@code Origin} is allowed by the {@link CorsPolicy}, every answer also carries {@code
 *       Access-Control-Allow-Origin: <that origin>} and {@code Access-Control-Allow-Credentials: true}. Any other
 *       origin gets no CORS headers, but the request is still executed, as in the original: CORS only decides what a
 *       page may read.
 *   <li>{@code OPTIONS} is the preflight: 204 with no body, plus, for an allowed origin, {@code
 *       Access-Control-Allow-Methods: GET,POST,OPTIONS}, {@code Access-Control-Allow-Headers:
 *       Content-Type,Authorization} and {@code Access-Control-Max-Age: 600}.
 *   <li>Another method than the route's: 404 {@code Not Found} (with the CORS headers).
 *   <li>A route that throws or fails (a bug: the PrivyDrop routes answer their own failures): 500 {@code
 *       {"error":"Internal server error"}} with the CORS headers, so that the page sees the 500 rather than a CORS
 *       error.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class CorsRoute implements Route {
    static final String ALLOW_METHODS = "GET,POST,OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type,Authorization";
    static final String MAX_AGE_SECONDS = "600";

    private static final Logger log = LoggerFactory.getLogger(PrivyDropRoutes.class);

    private final CorsPolicy cors;
    private final HttpMethod method;
    private final Route route;

    /** Serves {@code route} for {@code method} and the preflight for OPTIONS. */
    CorsRoute(CorsPolicy cors, HttpMethod method, Route route) {
        this.cors = requireNonNull(cors, "cors");
        this.method = requireNonNull(method, "method");
        this.route = requireNonNull(route, "route");
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        // Read now: the request is only valid during this call, and the route may answer later.
        String requested = request.header(HttpHeaderNames.ORIGIN);
        String origin = cors.isAllowed(requested) ? requested : null;
        HttpMethod requestMethod = request.request().method();
        if (HttpMethod.OPTIONS.equals(requestMethod)) {
            return HttpResponses.now(preflight(origin));
        }
        if (!method.equals(requestMethod)) {
            return HttpResponses.now(withCors(HttpResponses.notFound(), origin));
        }
        CompletionStage<FullHttpResponse> answer;
        try {
            answer = requireNonNull(route.handle(request), "answer");
        } catch (RuntimeException e) {
            log.warn("privydrop route {} failed", request.query().path(), e);
            return HttpResponses.now(withCors(Replies.internalError(), origin));
        }
        String path = request.query().path();
        return answer.handle((response, failure) -> {
            if (failure != null || response == null) {
                log.warn("privydrop route {} failed", path, failure);
                return withCors(Replies.internalError(), origin);
            }
            return withCors(response, origin);
        });
    }

    private static FullHttpResponse preflight(@Nullable String origin) {
        FullHttpResponse response = withCors(HttpResponses.empty(HttpResponseStatus.NO_CONTENT), origin);
        if (origin != null) {
            HttpHeaders headers = response.headers();
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
            headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
        }
        return response;
    }

    private static FullHttpResponse withCors(FullHttpResponse response, @Nullable String origin) {
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.VARY, "Origin");
        if (origin != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        return response;
    }
}
