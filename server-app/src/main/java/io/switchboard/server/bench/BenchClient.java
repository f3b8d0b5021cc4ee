package io.switchboard.server.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.switchboard.core.Nullable;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty WebSocket clients (RFC 6455 version 13, no extensions) on a small fixed event loop group, epoll when available.
 * Peers of the same index share an event loop, so a pair's relay loop never crosses threads. Flushes are consolidated
 * ({@link FlushConsolidationHandler}), so writes made in one loop iteration leave in one batch. Thread-safe.
 */
final class BenchClient implements AutoCloseable {
    private static final int MAX_FRAME = 1 << 20;
    private static final int FLUSH_AFTER = 64;
    private static final long SETUP_TIMEOUT_SECONDS = 30;

    private final EventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();
    private final Class<? extends Channel> channelClass;
    private final BenchProtocol dialect;
    private final URI uri;
    private final InetSocketAddress remote;
    private final @Nullable URI guestUri;
    private final InetSocketAddress guestRemote;
    private final int sourceAddresses;

    BenchClient(BenchSettings settings, BenchProtocol dialect) {
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(
                settings.threads(), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        group.forEach(executor -> loops.add((EventLoop) executor));
        this.dialect = dialect;
        this.uri = dialect.webSocketUri(settings.url());
        this.remote = addressOf(uri);
        this.guestUri = settings.guestUrl() == null ? null : dialect.webSocketUri(settings.guestUrl());
        this.guestRemote = guestUri == null ? remote : addressOf(guestUri);
        this.sourceAddresses = settings.sourceAddresses();
    }

    /** The event loop of the peers of pair {@code index}. */
    EventLoop loopFor(int index) {
        return loops.get(Math.floorMod(index, loops.size()));
    }

    /**
     * Connects two greeted peers on the loop of {@code index} to the dialect's {@link BenchProtocol#pairUri}: the host
     * first, then the guest.
     */
    CompletableFuture<List<Peer>> connectPair(int index) {
        EventLoop loop = loopFor(index);
        URI pairUri = dialect.pairUri(uri);
        // the same pair URI for both unless the guest goes elsewhere (the reference relay pairs by the URI's key)
        URI guestPairUri = guestUri == null ? pairUri : dialect.pairUri(guestUri);
        return connect(loop, index, pairUri, remote).thenCompose(host -> connect(loop, index, guestPairUri, guestRemote)
                .thenApply(guest -> List.of(host, guest)));
    }

    /** Connects one unpaired peer on {@code loop}; completes once the server greeted it, fails after 30 s. */
    CompletableFuture<Peer> connect(EventLoop loop, int index) {
        return connect(loop, index, dialect.pairUri(uri), remote);
    }

    private static InetSocketAddress addressOf(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equals(uri.getScheme()) ? 443 : 80);
        return new InetSocketAddress(uri.getHost(), port);
    }

    private CompletableFuture<Peer> connect(EventLoop loop, int index, URI target, InetSocketAddress address) {
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                target, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), MAX_FRAME);
        Peer peer = new Peer(handshaker, dialect);
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(MAX_FRAME))
                                .addLast(NoOrigin.INSTANCE)
                                .addLast(new FlushConsolidationHandler(FLUSH_AFTER, true))
                                .addLast(peer);
                    }
                });
        ChannelFuture connected = sourceAddresses <= 1
                ? bootstrap.connect(address)
                : bootstrap.connect(address, new InetSocketAddress(sourceAddress(index), 0));
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                peer.ready().completeExceptionally(f.cause());
            }
        });
        return peer.ready().orTimeout(SETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * The {@code k}-th of the source addresses is {@code 127.<k / 256>.<k % 256>.1}: every address is in a /24 of its
     * own, so DropSilk sees each one as a separate network (as clients behind different home routers), rather than all
     * connections in the one network group that {@code 127.0.0.x} would make.
     */
    private String sourceAddress(int index) {
        int k = Math.floorMod(index, sourceAddresses);
        return "127." + (k >> 8) + "." + (k & 0xff) + ".1";
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * Drops the {@code Origin} header Netty's handshaker adds: browsers' pages send one the server must allow, but a
     * load generator is not a page, and servers accept a handshake without one (PROTOCOLS.md §1.2).
     */
    @ChannelHandler.Sharable
    private static final class NoOrigin extends ChannelOutboundHandlerAdapter {
        static final NoOrigin INSTANCE = new NoOrigin();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpRequest request) {
                request.headers().remove(HttpHeaderNames.ORIGIN);
            }
            ctx.write(msg, promise);
        }
    }
}
