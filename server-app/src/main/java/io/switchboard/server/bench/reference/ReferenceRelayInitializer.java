package io.switchboard.server.bench.reference;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The reference relay's pipeline: the same HTTP codec, aggregator and WebSocket handshake handler (with the same
 * decoder settings: 1 MiB frames, no extensions, UTF-8 validation) as Switchboard's, then pairing and forwarding, then
 * the answer to plain HTTP requests.
 */
final class ReferenceRelayInitializer extends ChannelInitializer<SocketChannel> {
    private static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final PairRegistry registry;
    private final WebSocketServerProtocolConfig webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(PairingHandler.PATH)
            .checkStartsWith(true)
            .handshakeTimeoutMillis(10_000)
            .dropPongFrames(true)
            .decoderConfig(WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(MAX_FRAME_BYTES)
                    .allowExtensions(false)
                    .closeOnProtocolViolation(true)
                    // The floor forwards frames and nothing else: no UTF-8 check (Netty's validator walks every byte;
                    // with it on, this relay spent more CPU per 3 KB offer than Switchboard, which checks 8 bytes at
                    // a time, and was no floor at all).
                    .withUTF8Validator(false)
                    .build())
            .build();

    ReferenceRelayInitializer(PairRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("http-codec", new HttpServerCodec())
                .addLast("http-aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
                .addLast("ws-protocol", new WebSocketServerProtocolHandler(webSocketConfig))
                .addLast("pairing", new PairingHandler(registry))
                .addLast("plain-http", PlainHttpHandler.INSTANCE);
    }
}
