package io.switchboard.server.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionStage;

/**
 * DropSilk's {@code /api/uploadthing*} (opt-in PPTX previews through the UploadThing SDK), which a signaling daemon
 * does not serve: {@code OPTIONS} answers 204 and every other method 501 {@code {"error":"UploadThing previews are
 * not supported by this server."}}, both with the original's permissive CORS headers (any {@code Origin} reflected,
 * {@code Vary: Origin}), so that the browser shows the frontend the 501 rather than a CORS failure. Thread-safe.
 */
public final class UploadThingRoute implements Route {
    static final String ERROR = "UploadThing previews are not supported by this server.";

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        FullHttpResponse response = HttpMethod.OPTIONS.equals(request.request().method())
                ? HttpResponses.empty(HttpResponseStatus.NO_CONTENT)
                : HttpResponses.jsonError(HttpResponseStatus.NOT_IMPLEMENTED, ERROR);
        HttpHeaders headers = response.headers();
        String origin = request.header(HttpHeaderNames.ORIGIN);
        if (origin != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        headers.set(HttpHeaderNames.VARY, "Origin");
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST,OPTIONS");
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "*");
        headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
        return HttpResponses.now(response);
    }
}
