package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.BooleanSupplier;

/** Kubernetes-style probes. Both answers carry {@code Cache-Control: no-store}. */
public final class HealthRoutes {
    private HealthRoutes() {}

    /** Liveness: always 200 {@code {"status":"ok"}}. */
    public static Route livez() {
        return request -> HttpResponses.now(noStore(HttpResponseStatus.OK, "{\"status\":\"ok\"}"));
    }

    /**
     * Readiness: 200 {@code {"status":"ready"}} while {@code ready} says true, else 503 {@code
     * {"status":"not_ready"}}. {@code ready} is called on the event loop and must not block.
     */
    public static Route readyz(BooleanSupplier ready) {
        requireNonNull(ready, "ready");
        return request -> HttpResponses.now(
                ready.getAsBoolean()
                        ? noStore(HttpResponseStatus.OK, "{\"status\":\"ready\"}")
                        : noStore(HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"status\":\"not_ready\"}"));
    }

    private static FullHttpResponse noStore(HttpResponseStatus status, String json) {
        FullHttpResponse response = HttpResponses.json(status, json);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return response;
    }
}
