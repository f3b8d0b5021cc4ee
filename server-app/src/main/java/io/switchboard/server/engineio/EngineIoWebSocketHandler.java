package io.switchboard.server.engineio;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.AttributeKey;
import io.switchboard.core.Nullable;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.session.CloseReason;
import io.switchboard.server.pipeline.UnhandledExceptionHandler;
import io.switchboard.server.pipeline.Utf8TextFrames;
import java.util.List;

/**
 * The Engine.IO side of one WebSocket connection. On {@link HandshakeComplete} it drops the HTTP-only handlers and
 * the HTTP idle timer (Engine.IO has its own heartbeat) and joins its session; then every frame goes to the session
 * on the session's event loop.
 */
public final class EngineIoWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final EngineIoServer server;
    private final AttributeKey<ClientAddress> clientAddress;
    private final List<String> httpOnlyHandlers;
    private @Nullable EngineIoSession session;
    private boolean probe;

    /**
     * Creates the handler for one connection; {@code httpOnlyHandlers} are the names removed on the handshake and
     * {@code clientAddress} the channel attribute where the router left the client's address.
     */
    public EngineIoWebSocketHandler(
            EngineIoServer server, AttributeKey<ClientAddress> clientAddress, List<String> httpOnlyHandlers) {
        super(false);
        this.server = requireNonNull(server, "server");
        this.clientAddress = requireNonNull(clientAddress, "clientAddress");
        // Not copied when it already is an immutable list: one per listener, not one per connection.
        this.httpOnlyHandlers = List.copyOf(httpOnlyHandlers);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof HandshakeComplete handshake)) {
            super.userEventTriggered(ctx, evt);
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        for (String name : httpOnlyHandlers) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        probe = handshake.requestUri().contains("sid=");
        ClientAddress client = ctx.channel().attr(clientAddress).get();
        session = server.onWebSocket(
                ctx.channel(),
                handshake.requestUri(),
                handshake.requestHeaders(),
                client == null ? ClientAddress.UNKNOWN : client);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        EngineIoSession current = session;
        if (current == null) {
            frame.release();
            return;
        }
        if (frame instanceof TextWebSocketFrame && !Utf8TextFrames.isValid(frame.content())) {
            frame.release();
            UnhandledExceptionHandler.closeWebSocket(ctx, CloseReason.BAD_PAYLOAD); // RFC 6455 §8.1
            return;
        }
        if (probe && frame instanceof TextWebSocketFrame text && "2probe".equals(text.text())) {
            // Answered on this channel's own loop at once, so the answer is not queued behind the session's loop.
            ctx.writeAndFlush(new TextWebSocketFrame("3probe"));
        }
        if (current.loop().inEventLoop()) {
            try {
                current.onWebSocketFrame(ctx.channel(), frame);
            } finally {
                frame.release();
            }
            return;
        }
        current.loop().execute(() -> {
            try {
                current.onWebSocketFrame(ctx.channel(), frame);
            } finally {
                frame.release();
            }
        });
    }
}
