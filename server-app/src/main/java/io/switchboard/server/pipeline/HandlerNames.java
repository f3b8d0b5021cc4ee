package io.switchboard.server.pipeline;

/**
 * The names of the pipeline's handlers, in order. Handlers are found by these names, never by class.
 *
 * <pre>
 *  #  name              handler                         job
 *  1  connection-limit  ConnectionLimitHandler (shared) count connections, answer 503 over the cap
 *  2  idle              IdleStateHandler                HTTP: detect silence (removed on a WebSocket handshake)
 *  3  idle-close        IdleCloseHandler                HTTP: close silent connections
 *     ws-heartbeat      WebSocketHeartbeatHandler       WebSocket: replaces idle-close; its listener's
 *                                                       WebSocketHeartbeats pings the silent, closes the dead
 *  4  http-codec        HttpServerCodec                 HTTP/1.1 with bounded lines and headers
 *  5  http-keepalive    HttpServerKeepAliveHandler      keep-alive semantics
 *  6  http-aggregator   HttpObjectAggregator            bounded bodies (413)
 *  7  http-router       HttpRequestRouter (shared)      routes, or vets a WebSocket upgrade (origin, draining)
 *  8  ws-protocol       WebSocketServerProtocolHandler  handshake, control frames, frame size (1009), UTF-8 (1007)
 *  9  ws-aggregator     WebSocketFrameAggregator        joins fragmented messages, bounded
 * 10  ws-session        WebSocketSessionHandler         on HandshakeComplete: open the session; frames to dialect
 * 11  exception         UnhandledExceptionHandler (shared) log, count, close
 * </pre>
 *
 * On the handshake, {@code http-keepalive}, {@code http-aggregator} and {@code http-router} are removed, and
 * {@code idle} is removed and {@code idle-close} replaced by the WebSocket heartbeat (Engine.IO removes both: it
 * has its own pings).
 */
public final class HandlerNames {
    public static final String CONNECTION_LIMIT = "connection-limit";
    public static final String IDLE = "idle";
    public static final String IDLE_CLOSE = "idle-close";
    public static final String WS_HEARTBEAT = "ws-heartbeat";
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_KEEPALIVE = "http-keepalive";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String HTTP_ROUTER = "http-router";
    public static final String WS_PROTOCOL = "ws-protocol";
    public static final String WS_AGGREGATOR = "ws-aggregator";
    public static final String WS_SESSION = "ws-session";
    public static final String EXCEPTION = "exception";

    private HandlerNames() {}
}
