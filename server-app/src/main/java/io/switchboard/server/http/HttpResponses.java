package io.switchboard.server.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Builds complete responses with the right content type and length. */
public final class HttpResponses {
    /** {@code text/plain} (the original DropSilk answers use no charset). */
    public static final String TEXT = "text/plain";

    /** {@code text/plain; charset=utf-8}. */
    public static final String TEXT_UTF8 = "text/plain; charset=utf-8";

    /** {@code application/json; charset=utf-8}. */
    public static final String JSON = "application/json; charset=utf-8";

    private HttpResponses() {}

    /** A response with {@code body} as UTF-8 and the given content type. */
    public static FullHttpResponse of(HttpResponseStatus status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A response with {@code body} and the given content type. */
    public static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** A response with no body. */
    public static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    /** A plain-text response. */
    public static FullHttpResponse text(HttpResponseStatus status, String body) {
        return of(status, TEXT, body);
    }

    /** A JSON response; {@code json} must already be valid JSON. */
    public static FullHttpResponse json(HttpResponseStatus status, String json) {
        return of(status, JSON, json);
    }

    /** {@code {"error":"<message>"}} with {@code status}; {@code message} is escaped. */
    public static FullHttpResponse jsonError(HttpResponseStatus status, String message) {
        return json(status, "{\"error\":" + JsonText.quote(message) + "}");
    }

    /** 404 {@code Not Found} as plain text, the answer for every unknown path. */
    public static FullHttpResponse notFound() {
        return text(HttpResponseStatus.NOT_FOUND, "Not Found");
    }

    /** An already completed stage, for routes that answer at once. */
    public static CompletionStage<FullHttpResponse> now(FullHttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
