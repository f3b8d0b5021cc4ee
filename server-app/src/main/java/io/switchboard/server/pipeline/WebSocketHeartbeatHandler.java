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
    /** Its place in its event loop's walk, or -1; kept by the walk. */
    int index = -1;

    private boolean heard;
    private boolean pinged;
    /** When it was last heard, or when it was pinged if {@link #pinged}; 0 before the first visit. */
    private long since;

    WebSocketHeartbeatHandler(WebSocketHeartbeats heartbeats) {
        this.heartbeats = requireNonNull(heartbeats, "heartbeats");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        heard = true; // the handshake was its last word
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
     * A visit of its event loop's walk at {@code now}: silent for {@code dueNanos} since it was last heard, it is
     * pinged; silent for {@code dueNanos} since that ping, it is closed. Visits may come at any pace.
     */
    void visit(long now, long dueNanos) {
        ChannelHandlerContext c = ctx;
        if (c == null) {
            return;
        }
        if (heard) {
            heard = false;
            pinged = false;
            since = now;
            return;
        }
        if (now - since < dueNanos) {
            return;
        }
        if (pinged) {
            c.close();
            return;
        }
        pinged = true;
        since = now;
        // From the tail: this handler sits before the WebSocket encoder, so a ctx write would reach the socket as an
        // unencoded frame object and fail silently (every connection was then closed after two intervals).
        c.channel().writeAndFlush(new PingWebSocketFrame());
    }
}
