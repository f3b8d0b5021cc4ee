package io.switchboard.server.bench.reference;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.switchboard.server.metrics.NettyDirectMemory;
import java.nio.charset.StandardCharsets;

/**
 * The requests that are not an upgrade to {@code /pair/<key>}: {@code GET /metrics} answers the one gauge the bench's
 * memory sampling reads, {@code switchboard_netty_direct_memory_bytes}, so the relay's memory per connection is measured
 * as the server's is; everything else gets 404. Each response closes the connection.
 */
@ChannelHandler.Sharable
final class PlainHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final PlainHttpHandler INSTANCE = new PlainHttpHandler();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean metrics = request.uri().equals("/metrics") || request.uri().startsWith("/metrics?");
        String body = metrics
                ? "# TYPE switchboard_netty_direct_memory_bytes gauge\nswitchboard_netty_direct_memory_bytes "
                        + NettyDirectMemory.usedBytes() + "\n"
                : "not found: the reference relay serves only /pair/<key> and /metrics\n";
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                metrics ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset or a malformed request: the relay has nobody to tell
    }
}
