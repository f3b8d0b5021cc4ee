package io.switchboard.server.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.switchboard.core.Nullable;
import io.switchboard.protocol.engineio.EngineIoError;
import io.switchboard.server.http.CorsPolicy;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP answers of the long-polling transport for one request, with its CORS headers (exact origin, credentials)
 * and keep-alive decided up front, so a held GET can be answered later from the session's loop.
 */
final class PollingResponses {
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

    private final @Nullable String allowedOrigin;
    private final boolean keepAlive;

    private PollingResponses(@Nullable String allowedOrigin, boolean keepAlive) {
        this.allowedOrigin = allowedOrigin;
        this.keepAlive = keepAlive;
    }

    /** The answers for a request with these headers. */
    static PollingResponses forRequest(HttpHeaders headers, boolean keepAlive, CorsPolicy cors) {
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        return new PollingResponses(cors.isAllowed(origin) ? origin : null, keepAlive);
    }

    /** 200 with a polling payload ({@code text/plain; charset=UTF-8}); takes ownership of {@code payload}. */
    void payload(ChannelHandlerContext ctx, ByteBuf payload) {
        write(ctx, response(HttpResponseStatus.OK, "text/plain; charset=UTF-8", payload));
    }

    /** 200 {@code ok}, the answer to a POST. */
    void ok(ChannelHandlerContext ctx) {
        write(ctx, response(HttpResponseStatus.OK, "text/html", Unpooled.wrappedBuffer(OK)));
    }

    /** An Engine.IO error: its status and {@code {"code":N,"message":"..."}}. */
    void error(ChannelHandlerContext ctx, EngineIoError error) {
        write(
                ctx,
                response(
                        HttpResponseStatus.valueOf(error.httpStatus()),
                        "application/json",
                        Unpooled.wrappedBuffer(error.body())));
    }

    /** A bare status with an optional JSON error (for transport failures such as an overlapping GET). */
    void error(ChannelHandlerContext ctx, HttpResponseStatus status, @Nullable EngineIoError error) {
        if (error != null) {
            error(ctx, error);
            return;
        }
        write(ctx, response(status, "text/plain", Unpooled.EMPTY_BUFFER));
    }

    /** 204 for a CORS preflight. */
    void preflight(ChannelHandlerContext ctx) {
        FullHttpResponse response = response(HttpResponseStatus.NO_CONTENT, null, Unpooled.EMPTY_BUFFER);
        if (allowedOrigin != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST");
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        }
        write(ctx, response);
    }

    private FullHttpResponse response(HttpResponseStatus status, @Nullable String contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (allowedOrigin != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            response.headers().set(HttpHeaderNames.VARY, "Origin");
        }
        return response;
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
