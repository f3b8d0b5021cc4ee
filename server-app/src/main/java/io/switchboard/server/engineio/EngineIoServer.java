package io.switchboard.server.engineio;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.core.Nullable;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.session.CloseReason;
import io.switchboard.protocol.engineio.EngineIoError;
import io.switchboard.protocol.engineio.EngineIoHandshake;
import io.switchboard.protocol.json.Utf8;
import io.switchboard.server.http.CorsPolicy;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Engine.IO endpoint of one app listener (at {@code /socket.io/} for the apps): handshakes on either transport, the long-polling
 * requests of existing sessions, and the checks on a WebSocket upgrade. Errors are the reference server's JSON
 * bodies with codes 0–5. Thread-safe; each session's state lives on the event loop that created it.
 */
public final class EngineIoServer {
    /** The path every Socket.IO frontend uses. */
    public static final String SOCKET_IO_PATH = "/socket.io/";

    private static final String SID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final EngineIoConfig config;
    private final String path;
    private final SessionListeners listeners;
    private final CorsPolicy cors;
    private final long outboundBudget;
    private final IdGenerator ids;
    private final EngineIoHandshake handshake;
    private final ConcurrentHashMap<String, EngineIoSession> sessions = new ConcurrentHashMap<>();

    /** Creates the endpoint at {@code path}, running {@code listeners} on its sessions. */
    public EngineIoServer(
            EngineIoConfig config,
            String path,
            SessionListeners listeners,
            CorsPolicy cors,
            long outboundBudget,
            IdGenerator ids) {
        this.config = requireNonNull(config, "config");
        this.path = requireNonNull(path, "path");
        this.listeners = requireNonNull(listeners, "listeners");
        this.cors = requireNonNull(cors, "cors");
        this.outboundBudget = outboundBudget;
        this.ids = requireNonNull(ids, "ids");
        this.handshake = new EngineIoHandshake(
                config.pingInterval().toMillis(), config.pingTimeout().toMillis(), config.maxPayload());
    }

    /** The settings. */
    public EngineIoConfig config() {
        return config;
    }

    /** The path of the endpoint, e.g. {@code /socket.io/}. */
    public String path() {
        return path;
    }

    /** How many Engine.IO sessions are open. */
    public int clientCount() {
        return sessions.size();
    }

    /**
     * How many open sessions are on a WebSocket now (the others are long-polling). For metrics: it walks the sessions
     * and reads each one's transport without its loop, so the count may be a moment old.
     */
    public int webSocketCount() {
        int count = 0;
        for (EngineIoSession session : sessions.values()) {
            if (session.isWebSocket()) {
                count++;
            }
        }
        return count;
    }

    long outboundBudget() {
        return outboundBudget;
    }

    /** Answers a long-polling request (handshake, GET, POST, or a CORS preflight). */
    public void handleHttp(
            ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder query, ClientAddress client) {
        PollingResponses responses =
                PollingResponses.forRequest(request.headers(), HttpUtil.isKeepAlive(request), cors);
        if (request.method().equals(HttpMethod.OPTIONS)) {
            responses.preflight(ctx);
            return;
        }
        EngineIoError error = verify(request.method(), query, false);
        if (error != null) {
            responses.error(ctx, error);
            return;
        }
        String sid = param(query, "sid");
        if (sid == null) {
            openPolling(ctx, request.headers(), client, responses);
            return;
        }
        EngineIoSession session = sessions.get(sid);
        if (session == null) {
            responses.error(ctx, EngineIoError.UNKNOWN_SID);
            return;
        }
        boolean get = request.method().equals(HttpMethod.GET);
        byte[] body = get ? null : ByteBufUtil.getBytes(request.content());
        if (session.loop().inEventLoop()) {
            onPollingRequest(session, ctx, body, responses);
        } else {
            session.loop().execute(() -> onPollingRequest(session, ctx, body, responses));
        }
    }

    /**
     * Checks a WebSocket upgrade before the handshake; returns null to let it through, or the error to answer. A
     * request with a sid must name a live session.
     */
    public @Nullable EngineIoError vetUpgrade(FullHttpRequest request, QueryStringDecoder query) {
        EngineIoError error = verify(request.method(), query, true);
        if (error != null) {
            return error;
        }
        if (!"websocket".equals(param(query, "transport"))) {
            return EngineIoError.BAD_REQUEST;
        }
        String sid = param(query, "sid");
        if (sid == null) {
            return null;
        }
        // A session that has upgraded already is let through and its second socket closed after the handshake,
        // as the reference does.
        return sessions.containsKey(sid) ? null : EngineIoError.UNKNOWN_SID;
    }

    /**
     * A WebSocket handshake on {@link #path()} completed: a new session on this socket, or the probe of an existing
     * polling session. Returns the session whose frames this channel carries, or null when the channel was closed.
     */
    public @Nullable EngineIoSession onWebSocket(
            Channel channel, String uri, HttpHeaders headers, ClientAddress client) {
        String sid = param(new QueryStringDecoder(uri), "sid");
        if (sid != null) {
            EngineIoSession session = sessions.get(sid);
            if (session == null) {
                channel.close();
                return null;
            }
            session.loop().execute(() -> session.attachProbe(channel));
            return session;
        }
        EngineIoSession session = newSession(channel.eventLoop(), headers, client);
        session.useWebSocket(channel);
        channel.writeAndFlush(new io.netty.handler.codec.http.websocketx.TextWebSocketFrame(
                Unpooled.wrappedBuffer(handshake.openPacket(session.sid(), false))));
        session.start();
        return session;
    }

    /** Closes every session as part of a shutdown: each socket gets its disconnect and the transport a 1001. */
    public void shutdown() {
        for (EngineIoSession session : List.copyOf(sessions.values())) {
            session.loop().execute(() -> session.close("server shutting down", CloseReason.GOING_AWAY));
        }
    }

    void forget(EngineIoSession session) {
        sessions.remove(session.sid(), session);
    }

    private void openPolling(
            ChannelHandlerContext ctx, HttpHeaders headers, ClientAddress client, PollingResponses responses) {
        EngineIoSession session = newSession(ctx.channel().eventLoop(), headers, client);
        responses.payload(ctx, Unpooled.wrappedBuffer(handshake.openPacket(session.sid(), true)));
        session.start();
    }

    private EngineIoSession newSession(EventLoop loop, HttpHeaders headers, ClientAddress client) {
        String userAgent = headers.get(HttpHeaderNames.USER_AGENT, "");
        EngineIoListener.Factory socketIo = listeners.forClient(
                client,
                userAgent.length() > 256 ? userAgent.substring(0, 256) : userAgent,
                ids,
                config,
                outboundBudget);
        while (true) {
            String sid = ids.randomString(SID_ALPHABET, 20);
            EngineIoSession session = new EngineIoSession(sid, loop, this, socketIo);
            if (sessions.putIfAbsent(sid, session) == null) {
                return session;
            }
        }
    }

    private void onPollingRequest(
            EngineIoSession session, ChannelHandlerContext ctx, @Nullable byte[] body, PollingResponses responses) {
        if (session.isClosed()) {
            if (body == null && session.takeOwedNoop()) {
                responses.payload(ctx, Unpooled.wrappedBuffer(new byte[] {'6'}));
            } else {
                responses.error(ctx, EngineIoError.UNKNOWN_SID);
            }
        } else if (session.isWebSocket()) {
            responses.error(ctx, EngineIoError.BAD_REQUEST); // the session has upgraded; polling is over
        } else if (body == null) {
            session.onPollingGet(ctx, responses);
        } else if (!Utf8.isValid(body, 0, body.length)) {
            responses.error(ctx, EngineIoError.BAD_REQUEST);
            session.close("parse error", CloseReason.BAD_PAYLOAD);
        } else {
            session.onPollingPost(ctx, body, responses);
        }
    }

    private static @Nullable EngineIoError verify(HttpMethod method, QueryStringDecoder query, boolean upgrade) {
        String transport = param(query, "transport");
        if (!"polling".equals(transport) && !"websocket".equals(transport)) {
            return EngineIoError.UNKNOWN_TRANSPORT;
        }
        if (!"4".equals(param(query, "EIO"))) {
            return EngineIoError.UNSUPPORTED_PROTOCOL_VERSION;
        }
        String sid = param(query, "sid");
        if (sid == null && !method.equals(HttpMethod.GET)) {
            return EngineIoError.BAD_HANDSHAKE_METHOD;
        }
        if (!upgrade && "websocket".equals(transport)) {
            return EngineIoError.BAD_REQUEST; // a plain HTTP request cannot use the websocket transport
        }
        if (!upgrade && sid != null && !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.POST)) {
            return EngineIoError.BAD_REQUEST;
        }
        return null;
    }

    private static @Nullable String param(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
