package io.switchboard.server.pipeline;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.Event;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.Session;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.Dialect;
import io.switchboard.protocol.json.Utf8;
import io.switchboard.server.transport.ChannelPeerSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket session of one connection. On {@link HandshakeComplete} it drops the HTTP-only handlers, starts the
 * heartbeat and opens the core session; then each message goes through the dialect to the node. Bad messages are
 * answered with the dialect's error and never close the connection; a failure while handling one message is answered
 * with {@code internal} and affects only that message.
 */
final class WebSocketSessionHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(WebSocketSessionHandler.class);

    private final Dialect dialect;
    private final SignalingNode node;
    private final long outboundBudget;
    private final WebSocketHeartbeats heartbeats;
    private @Nullable Session session;

    WebSocketSessionHandler(Dialect dialect, SignalingNode node, long outboundBudget, WebSocketHeartbeats heartbeats) {
        this.dialect = requireNonNull(dialect, "dialect");
        this.node = requireNonNull(node, "node");
        this.outboundBudget = outboundBudget;
        this.heartbeats = requireNonNull(heartbeats, "heartbeats");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeComplete handshake) {
            open(ctx, handshake);
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        Session current = session;
        if (current == null || !(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
            return;
        }
        // A copy: decoded payloads keep slices of the message after the frame's buffer is released.
        byte[] message = ByteBufUtil.getBytes(frame.content());
        if (!Utf8.isValid(message, 0, message.length)) {
            if (frame instanceof TextWebSocketFrame) {
                // RFC 6455 §8.1: a text frame that is not UTF-8 fails the connection with 1007.
                UnhandledExceptionHandler.closeWebSocket(ctx, CloseReason.BAD_PAYLOAD);
            } else {
                // A payload we relay must be valid UTF-8 for the receiving browser.
                current.sink().send(new Event.Failed(ErrorCode.BAD_MESSAGE, null));
            }
            return;
        }
        Decoded decoded;
        try {
            decoded = dialect.decode(message, 0, message.length);
        } catch (RuntimeException e) {
            log.warn("{} failed to decode a message from {}", dialect.app(), current, e);
            current.sink().send(new Event.Failed(ErrorCode.INTERNAL, null));
            return;
        }
        if (decoded instanceof Decoded.Ok ok) {
            node.handle(current, ok.command());
        } else if (decoded instanceof Decoded.Invalid invalid) {
            log.debug("bad message from {}: {}", current, invalid.detail());
            current.sink().send(new Event.Failed(invalid.code(), invalid.detail()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Session closed = session;
        session = null;
        if (closed != null) {
            node.closed(closed);
        }
        super.channelInactive(ctx);
    }

    private void open(ChannelHandlerContext ctx, HandshakeComplete handshake) {
        ChannelPipeline pipeline = ctx.pipeline();
        for (String name :
                new String[] {HandlerNames.HTTP_KEEPALIVE, HandlerNames.HTTP_AGGREGATOR, HandlerNames.HTTP_ROUTER}) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        pipeline.remove(HandlerNames.IDLE);
        pipeline.replace(HandlerNames.IDLE_CLOSE, HandlerNames.WS_HEARTBEAT, new WebSocketHeartbeatHandler(heartbeats));
        ClientAddress address =
                ctx.channel().attr(ChannelAttributes.CLIENT_ADDRESS).get();
        String userAgent = handshake.requestHeaders().get(HttpHeaderNames.USER_AGENT, "");
        ChannelPeerSink sink = new ChannelPeerSink(ctx.channel(), dialect, outboundBudget);
        session = node.open(
                dialect.app(),
                address == null ? ClientAddress.UNKNOWN : address,
                userAgent.length() > 256 ? userAgent.substring(0, 256) : userAgent,
                dialect.initialName(),
                sink);
    }
}
