package io.switchboard.server.bench.reference;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.switchboard.core.Nullable;

/**
 * One connection of the reference relay after the upgrade: pairs it by the key in {@code /pair/<key>}, tells both
 * partners {@code paired}, then writes every data frame it reads to the partner unchanged (the frame object itself:
 * nothing is decoded or copied). Writes of one read burst are flushed once, in {@link #channelReadComplete}. When the
 * partner's outbound buffer is over its high water mark, this connection stops reading until the partner drains. When
 * either side closes, the other is closed. Frames that arrive before the partner does are dropped.
 */
final class PairingHandler extends ChannelInboundHandlerAdapter {
    /** The partner of a paired channel; set on both before either is told {@code paired}. */
    static final AttributeKey<Channel> PARTNER = AttributeKey.valueOf(PairingHandler.class, "partner");

    static final String PAIRED = "paired";
    /** The upgrade path; Netty matches {@code /pair}, {@code /pair/…} and {@code /pair?…}. */
    static final String PATH = "/pair";

    private static final String PATH_PREFIX = PATH + "/";

    private final PairRegistry registry;
    private @Nullable Channel channel;
    private @Nullable String key;
    private @Nullable Channel partner;
    private boolean flushPending;

    PairingHandler(PairRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeComplete handshake) {
            pair(ctx.channel(), keyOf(handshake.requestUri()));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg); // a plain HTTP request, for the next handler
            return;
        }
        Channel to = partner();
        if (to == null) {
            ReferenceCountUtil.release(frame);
            return;
        }
        to.write(frame, to.voidPromise());
        flushPending = true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Channel to = partner;
        if (flushPending && to != null) {
            flushPending = false;
            to.flush();
            if (!to.isWritable()) {
                ctx.channel().config().setAutoRead(false);
                // The partner may have drained between the check and the switch; its event would then be missed.
                if (to.isWritable()) {
                    ctx.channel().config().setAutoRead(true);
                }
            }
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel from = partner();
        if (from != null && ctx.channel().isWritable()) {
            from.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        String k = key;
        if (k != null) {
            registry.leave(k, ctx.channel());
        }
        Channel other = ctx.channel().attr(PARTNER).get();
        if (other != null) {
            closeWithFrame(other);
        }
        ctx.fireChannelInactive();
    }

    private void pair(Channel self, String pairKey) {
        if (pairKey.isEmpty()) {
            self.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "no pair key"))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        key = pairKey;
        Channel other = registry.pairOrWait(pairKey, self);
        if (other == null) {
            return;
        }
        self.attr(PARTNER).set(other);
        other.attr(PARTNER).set(self);
        if (!other.isActive()) { // it closed before it saw the attribute: its close is ours
            closeWithFrame(self);
            return;
        }
        other.writeAndFlush(new TextWebSocketFrame(PAIRED), other.voidPromise());
        self.writeAndFlush(new TextWebSocketFrame(PAIRED), self.voidPromise());
    }

    /** The partner, cached once the attribute is set (the other side may have set it on its own thread). */
    private @Nullable Channel partner() {
        Channel p = partner;
        Channel self = channel;
        if (p == null && self != null) {
            p = self.attr(PARTNER).get();
            partner = p;
        }
        return p;
    }

    private static void closeWithFrame(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The key after {@code /pair/}, without a query; empty when there is none. */
    static String keyOf(String requestUri) {
        int start = requestUri.startsWith(PATH_PREFIX) ? PATH_PREFIX.length() : requestUri.length();
        int query = requestUri.indexOf('?', start);
        return requestUri.substring(start, query < 0 ? requestUri.length() : query);
    }
}
