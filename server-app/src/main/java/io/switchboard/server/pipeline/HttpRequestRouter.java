package io.switchboard.server.pipeline;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.core.Nullable;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.network.IpAddress;
import io.switchboard.core.network.TrustedProxies;
import io.switchboard.protocol.engineio.EngineIoError;
import io.switchboard.server.ServerState;
import io.switchboard.server.engineio.EngineIoServer;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.Route;
import io.switchboard.server.http.RouteTable;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each HTTP request to its route, or vets a WebSocket upgrade before the handshake: refused with 503 while
 * draining and with 403 {@code Forbidden: Invalid Origin} when a browser's {@code Origin} is not allowed (a missing
 * Origin is a non-browser client and is allowed). Unknown paths get 404 {@code Not Found}; a failing route gets 500.
 */
@ChannelHandler.Sharable
public final class HttpRequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpRequestRouter.class);

    private final RouteTable routes;
    private final CorsPolicy origins;
    private final TrustedProxies proxies;
    private final ServerState state;
    private final @Nullable EngineIoServer engineIo;
    private final int maxBodyBytes;

    /** Creates a router for a plain-WebSocket app listener. */
    public HttpRequestRouter(RouteTable routes, CorsPolicy origins, TrustedProxies proxies, ServerState state) {
        this(routes, origins, proxies, state, null, Integer.MAX_VALUE);
    }

    /**
     * Creates a router for one app listener; with {@code engineIo}, requests under {@code /socket.io/} go to it and
     * other requests' bodies are held to {@code maxBodyBytes} (the aggregator admits Engine.IO's larger payloads).
     */
    public HttpRequestRouter(
            RouteTable routes,
            CorsPolicy origins,
            TrustedProxies proxies,
            ServerState state,
            @Nullable EngineIoServer engineIo,
            int maxBodyBytes) {
        this.routes = requireNonNull(routes, "routes");
        this.origins = requireNonNull(origins, "origins");
        this.proxies = requireNonNull(proxies, "proxies");
        this.state = requireNonNull(state, "state");
        this.engineIo = engineIo;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            respondAndClose(ctx, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "Bad Request"));
            return;
        }
        ClientAddress client = clientAddress(ctx.channel().remoteAddress(), request);
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        boolean engineIoPath = engineIo != null && engineIo.path().equals(query.path());
        if (isWebSocketUpgrade(request)) {
            vetUpgrade(ctx, request, client, engineIoPath ? query : null);
            return;
        }
        if (engineIoPath) {
            if (state.draining()) {
                respondAndClose(
                        ctx, HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Server shutting down"));
            } else {
                engineIo.handleHttp(ctx, request, query, client);
            }
            return;
        }
        if (request.content().readableBytes() > maxBodyBytes) {
            respondAndClose(ctx, HttpResponses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Payload Too Large"));
            return;
        }
        Route route = routes.find(request.method(), query.path());
        if (route == null) {
            respond(ctx, request, HttpResponses.notFound());
            return;
        }
        CompletionStage<FullHttpResponse> answer;
        try {
            answer = route.handle(new HttpRequestContext(request, query, client));
        } catch (RuntimeException e) {
            log.warn("route {} {} failed", request.method(), query.path(), e);
            respond(ctx, request, internalError());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                log.warn("route {} failed", query.path(), failure);
                response = internalError();
            }
            write(ctx, keepAlive, response);
        });
    }

    private void vetUpgrade(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            ClientAddress client,
            @Nullable QueryStringDecoder eio) {
        if (state.draining()) {
            respondAndClose(ctx, HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Server shutting down"));
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !origins.isAllowed(origin)) {
            log.debug("upgrade from {} refused: origin {}", client.ip(), origin);
            respondAndClose(ctx, HttpResponses.text(HttpResponseStatus.FORBIDDEN, "Forbidden: Invalid Origin"));
            return;
        }
        if (engineIo != null) {
            EngineIoError error = eio == null ? EngineIoError.BAD_REQUEST : engineIo.vetUpgrade(request, eio);
            if (error != null) {
                FullHttpResponse refusal = HttpResponses.of(
                        HttpResponseStatus.valueOf(error.httpStatus()), "application/json", error.body());
                respondAndClose(ctx, refusal);
                return;
            }
        }
        ctx.channel().attr(ChannelAttributes.CLIENT_ADDRESS).set(client);
        ctx.fireChannelRead(request.retain());
    }

    private ClientAddress clientAddress(SocketAddress remote, FullHttpRequest request) {
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return ClientAddress.UNKNOWN;
        }
        IpAddress peer = IpAddress.of(inet.getAddress());
        return ClientAddress.of(proxies.clientAddress(peer, request.headers().getAll("X-Forwarded-For")));
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        write(ctx, HttpUtil.isKeepAlive(request), response);
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static void respondAndClose(ChannelHandlerContext ctx, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, false);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static FullHttpResponse internalError() {
        return HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }
}
