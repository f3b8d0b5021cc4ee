package io.switchboard.server.pipeline;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.switchboard.server.ServerState;
import io.switchboard.server.app.AppModule;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.engineio.EngineIoServer;
import io.switchboard.server.engineio.EngineIoWebSocketHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of one connection to one app listener, one line per step in the order {@link HandlerNames}
 * documents. Immutable; everything shared is made once in the constructor.
 */
public final class SwitchboardChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** What an Engine.IO WebSocket handshake removes: the HTTP handlers and the idle timer (it has its own pings). */
    private static final List<String> ENGINE_IO_HTTP_ONLY_HANDLERS = List.of(
            HandlerNames.HTTP_KEEPALIVE,
            HandlerNames.HTTP_AGGREGATOR,
            HandlerNames.HTTP_ROUTER,
            HandlerNames.IDLE,
            HandlerNames.IDLE_CLOSE);

    private final ServerConfig config;
    private final AppModule app;
    private final ServerState state;
    private final ConnectionLimitHandler connectionLimit;
    private final HttpRequestRouter router;
    private final UnhandledExceptionHandler exceptions;
    private final HttpDecoderConfig httpConfig;
    private final WebSocketServerProtocolConfig webSocketConfig;
    private final int maxMessageBytes;
    private final int maxHttpBodyBytes;
    private final WebSocketHeartbeats heartbeats;

    /** Creates the initializer for {@code app}'s listener. */
    public SwitchboardChannelInitializer(
            ServerConfig config, AppModule app, ServerState state, SharedHandlers shared, HttpRequestRouter router) {
        this.config = requireNonNull(config, "config");
        this.app = requireNonNull(app, "app");
        this.state = requireNonNull(state, "state");
        this.connectionLimit = shared.connectionLimit();
        this.exceptions = shared.exceptions();
        this.router = requireNonNull(router, "router");
        this.httpConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES);
        EngineIoServer engineIo = app.engineIo();
        this.maxMessageBytes =
                engineIo == null ? config.maxFrameBytes() : engineIo.config().maxPayload();
        // Engine.IO checks its own limit on POST bodies (413 and the session closed); the margin lets a body just
        // over maxPayload reach it instead of being cut off by the aggregator.
        this.maxHttpBodyBytes = engineIo == null
                ? config.maxBodyBytes()
                : Math.max(config.maxBodyBytes(), engineIo.config().maxPayload() + 64 * 1024);
        this.heartbeats = new WebSocketHeartbeats(config.pingInterval());
        this.webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
                // DropSilk's server accepts an upgrade on any path; Socket.IO's only under /socket.io/ (the router
                // has vetted the path, and the query string follows it).
                .websocketPath(engineIo == null ? "/" : engineIo.path())
                .checkStartsWith(true)
                .handshakeTimeoutMillis(10_000)
                .dropPongFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(maxMessageBytes)
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        // Text frames are checked whole, after aggregation, by the session handlers with an ASCII
                        // fast path (Utf8TextFrames): Netty's byte-at-a-time validator was a fifth of the relay CPU.
                        .withUTF8Validator(false)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        state.channels().add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(HandlerNames.CONNECTION_LIMIT, connectionLimit);
        p.addLast(
                HandlerNames.IDLE,
                new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast(HandlerNames.IDLE_CLOSE, IdleCloseHandler.INSTANCE);
        p.addLast(HandlerNames.HTTP_CODEC, new HttpServerCodec(httpConfig));
        p.addLast(HandlerNames.HTTP_KEEPALIVE, new HttpServerKeepAliveHandler());
        p.addLast(HandlerNames.HTTP_AGGREGATOR, new HttpObjectAggregator(maxHttpBodyBytes));
        p.addLast(HandlerNames.HTTP_ROUTER, router);
        p.addLast(HandlerNames.WS_PROTOCOL, new WebSocketServerProtocolHandler(webSocketConfig));
        p.addLast(HandlerNames.WS_AGGREGATOR, new WebSocketFrameAggregator(maxMessageBytes));
        p.addLast(HandlerNames.WS_SESSION, webSocketSession());
        p.addLast(HandlerNames.EXCEPTION, exceptions);
    }

    private ChannelHandler webSocketSession() {
        EngineIoServer engineIo = app.engineIo();
        if (engineIo == null) {
            return new WebSocketSessionHandler(
                    java.util.Objects.requireNonNull(app.dialect(), "dialect"),
                    app.node(),
                    config.outboundBudgetBytes(),
                    heartbeats);
        }
        return new EngineIoWebSocketHandler(engineIo, ChannelAttributes.CLIENT_ADDRESS, ENGINE_IO_HTTP_ONLY_HANDLERS);
    }

    /**
     * The handlers every listener of the process shares.
     *
     * @param connectionLimit counts connections across all listeners
     * @param exceptions the tail handler
     */
    public record SharedHandlers(ConnectionLimitHandler connectionLimit, UnhandledExceptionHandler exceptions) {
        /** Both are required. */
        public SharedHandlers {
            requireNonNull(connectionLimit, "connectionLimit");
            requireNonNull(exceptions, "exceptions");
        }
    }
}
