package io.switchboard.server.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.switchboard.core.Nullable;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One benchmark client connection: the WebSocket handshake, the dialect's greeting and heartbeat, one pending
 * expectation at a time during setup ({@link #request}, {@link #expect}), then every other text to its {@link
 * Listener}. Everything but {@link #ready()} and {@link #paired()} runs on the channel's event loop.
 */
final class Peer extends SimpleChannelInboundHandler<Object> {
    private final WebSocketClientHandshaker handshaker;
    private final BenchProtocol dialect;
    private final CompletableFuture<Peer> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> paired = new CompletableFuture<>();
    private @Nullable Channel channel;
    private @Nullable String expected;
    private @Nullable CompletableFuture<String> expectation;
    private Listener listener = Listener.NONE;
    private String id = "";

    Peer(WebSocketClientHandshaker handshaker, BenchProtocol dialect) {
        this.handshaker = handshaker;
        this.dialect = dialect;
    }

    /** Completes once the server greeted this peer (DropSilk {@code registered}, Socket.IO {@code 40{sid}}). */
    CompletableFuture<Peer> ready() {
        return ready;
    }

    /**
     * Completes when the server announced, unasked, that this peer's partner is present (the reference relay's {@code
     * paired}); the dialect completes it from {@link BenchProtocol#greeting}. Fails when the connection closes first.
     */
    CompletableFuture<Void> paired() {
        return paired;
    }

    /**
     * Runs {@code work}, then closes every peer, then completes as {@code work} did: the end of a join cycle or a
     * session, which must not leave connections open whatever happened.
     */
    static CompletableFuture<Void> closeAfter(CompletableFuture<?> work, List<Peer> peers) {
        return work.handle((ok, error) -> CompletableFuture.allOf(
                                peers.stream().map(Peer::close).toArray(CompletableFuture[]::new))
                        .thenCompose(closed -> error == null
                                ? CompletableFuture.<Void>completedFuture(null)
                                : CompletableFuture.<Void>failedFuture(error)))
                .thenCompose(f -> f);
    }

    /** The id the server gave this peer (the Socket.IO sid); empty for DropSilk. */
    String id() {
        return id;
    }

    /** Sets the id; called by the dialect from the greeting. */
    void id(String value) {
        id = value;
    }

    /** The channel; set before {@link #ready()} completes. */
    Channel channel() {
        Channel c = channel;
        if (c == null) {
            throw new IllegalStateException("not connected");
        }
        return c;
    }

    /**
     * Sends {@code text}, encoded straight into a pooled buffer (the String constructor of the frame copies through
     * an unpooled heap buffer); flushes are consolidated by the pipeline.
     */
    void send(String text) {
        Channel c = channel();
        ByteBuf buf = c.alloc().buffer(ByteBufUtil.utf8Bytes(text));
        ByteBufUtil.writeUtf8(buf, text);
        c.writeAndFlush(new TextWebSocketFrame(buf), c.voidPromise());
    }

    /** Sends {@code text} and completes with the first text that contains {@code marker}, or fails on an error. */
    CompletableFuture<String> request(String text, String marker) {
        CompletableFuture<String> result = new CompletableFuture<>();
        onLoop(() -> {
            arm(marker, result);
            send(text);
        });
        return result;
    }

    /** Completes with the first text that contains {@code marker}, or fails on an error or close. */
    CompletableFuture<String> expect(String marker) {
        CompletableFuture<String> result = new CompletableFuture<>();
        onLoop(() -> arm(marker, result));
        return result;
    }

    /** Hands every later text to {@code value}; call on the event loop. */
    void listen(Listener value) {
        listener = value;
    }

    /** Sends a close frame and closes the channel; completes when it is closed. */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Channel c = channel;
        if (c == null) {
            closed.complete(null);
            return closed;
        }
        c.closeFuture().addListener(f -> closed.complete(null));
        if (c.isActive()) {
            c.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        }
        return closed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!handshaker.isHandshakeComplete() && msg instanceof FullHttpResponse response) {
            handshaker.finishHandshake(ctx.channel(), response);
            if (dialect.readyOnUpgrade()) {
                ready.complete(this);
            }
        } else if (msg instanceof TextWebSocketFrame frame) {
            onText(frame.text());
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof CloseWebSocketFrame) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        IllegalStateException closed = new IllegalStateException("connection closed");
        ready.completeExceptionally(closed);
        paired.completeExceptionally(closed);
        fail(closed);
        listener.closed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(cause);
        paired.completeExceptionally(cause);
        fail(cause);
        ctx.close();
    }

    private void onText(String text) {
        if (dialect.greeting(this, text)) {
            if (!ready.isDone()) {
                ready.complete(this);
            }
            return;
        }
        CompletableFuture<String> pending = expectation;
        if (pending != null && expected != null && text.contains(expected)) {
            expectation = null;
            pending.complete(text);
        } else if (dialect.isError(text)) {
            if (!fail(new IllegalStateException("server: " + text))) {
                listener.error(text);
            }
        } else {
            listener.text(text);
        }
    }

    private void arm(String marker, CompletableFuture<String> result) {
        if (channel == null || !channel.isActive()) {
            result.completeExceptionally(new IllegalStateException("connection closed"));
            return;
        }
        expected = marker;
        expectation = result;
    }

    private boolean fail(Throwable cause) {
        CompletableFuture<String> pending = expectation;
        expectation = null;
        return pending != null && pending.completeExceptionally(cause);
    }

    private void onLoop(Runnable task) {
        Channel c = channel();
        if (c.eventLoop().inEventLoop()) {
            task.run();
        } else {
            c.eventLoop().execute(task);
        }
    }

    /** What a peer does with the texts nobody expects; called on the event loop. */
    interface Listener {
        /** Ignores everything. */
        Listener NONE = new Listener() {
            @Override
            public void text(String text) {}

            @Override
            public void error(String text) {}

            @Override
            public void closed() {}
        };

        /** A text that is neither a greeting, nor a heartbeat, nor expected. */
        void text(String text);

        /** An error message from the server. */
        void error(String text);

        /** The connection closed. */
        void closed();
    }
}
