package io.switchboard.server.pipeline;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.switchboard.core.Nullable;

/**
 * WebSocket liveness of one connection, driven by the listener's {@link WebSocketHeartbeats}: after a ping interval
 * without any inbound byte it sends a ping; after another interval still without one, the peer is dead and the
 * connection is closed. Anything the client sends (the pong that browsers answer automatically, or any message) proves
 * it alive. Sits before the codecs, so it sees raw reads; a read only sets a flag.
 */
final class WebSocketHeartbeatHandler extends ChannelInboundHandlerAdapter {
    private final WebSocketHeartbeats heartbeats;
    private @Nullable ChannelHandlerContext ctx;
    /** Its place in its event loop's round, or -1; kept by the round. */
    int index = -1;

    private boolean heard;
    private int silentRounds;

    WebSocketHeartbeatHandler(WebSocketHeartbeats heartbeats) {
        this.heartbeats = requireNonNull(heartbeats, "heartbeats");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        heartbeats.watch(this, ctx.executor());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        heartbeats.forget(this, ctx.executor());
        this.ctx = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        heard = true;
        ctx.fireChannelRead(msg);
    }

    /**
     * One round of the connection's event loop: {@code roundsPerInterval} rounds of silence send a ping, twice as many
     * close the connection.
     */
    void onRound(int roundsPerInterval) {
        ChannelHandlerContext c = ctx;
        if (c == null) {
            return;
        }
        if (heard) {
            heard = false;
            silentRounds = 0;
            return;
        }
        silentRounds++;
        if (silentRounds >= 2 * roundsPerInterval) {
            c.close();
        } else if (silentRounds == roundsPerInterval) {
            // From the tail: this handler sits before the WebSocket encoder, so a ctx write would reach the socket as
            // an unencoded frame object and fail silently (every connection was then closed after two intervals).
            c.channel().writeAndFlush(new PingWebSocketFrame());
        }
    }
}
