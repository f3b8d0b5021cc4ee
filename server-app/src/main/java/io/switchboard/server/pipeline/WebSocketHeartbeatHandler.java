package io.switchboard.server.pipeline;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * WebSocket liveness, as DropSilk's server does it: after a ping interval without any inbound byte, send a ping;
 * after another interval still without one, the peer is dead and the connection is closed. Anything the client sends
 * (the pong that browsers answer automatically, or any message) proves it alive. Sits before the codecs, so it sees
 * raw reads.
 */
final class WebSocketHeartbeatHandler extends ChannelInboundHandlerAdapter {
    private boolean awaitingAnswer;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        awaitingAnswer = false;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof IdleStateEvent)) {
            super.userEventTriggered(ctx, evt);
            return;
        }
        if (awaitingAnswer) {
            ctx.close();
            return;
        }
        awaitingAnswer = true;
        // From the tail: this handler sits before the WebSocket encoder, so a ctx write would reach the socket as an
        // unencoded frame object and fail silently (every connection was then closed after two ping intervals).
        ctx.channel().writeAndFlush(new PingWebSocketFrame());
    }
}
