package io.switchboard.server.bench.reference;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.switchboard.server.Transport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The bare reference relay: a Netty WebSocket server on the same transport and with the same socket options as
 * Switchboard (epoll when available, {@code TCP_NODELAY}, 32/64 KiB write water marks) that pairs connections to
 * {@code /pair/<key>} and forwards frames verbatim between partners. It is the floor the bench compares Switchboard's
 * figures with. Start it with {@link #start}; {@link #close()} stops it. Thread-safe.
 */
public final class ReferenceRelay implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Transport transport;
    private final Channel listener;
    private final PairRegistry registry = new PairRegistry();

    private ReferenceRelay(String host, int port, Transport transport, int workerThreads) throws InterruptedException {
        this.transport = transport;
        this.boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        this.workers =
                new MultiThreadIoEventLoopGroup(Transport.workerThreads(workerThreads), transport.ioHandlerFactory());
        boolean ok = false;
        try {
            this.listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(new ReferenceRelayInitializer(registry))
                    .bind(host, port)
                    .sync()
                    .channel();
            ok = true;
        } finally {
            if (!ok) {
                shutdownGroups();
            }
        }
    }

    /**
     * Binds {@code host:port} (0 for a free port) and starts relaying.
     *
     * @param transport {@code auto}, {@code epoll} or {@code nio}, as the server's {@code --transport}
     * @param workerThreads event-loop threads, 0 for one per usable core, as the server's
     */
    public static ReferenceRelay start(String host, int port, String transport, int workerThreads)
            throws InterruptedException {
        requireNonNull(host, "host");
        return new ReferenceRelay(host, port, Transport.select(transport), workerThreads);
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** The URL the bench takes as {@code --reference-url}: {@code ws://host:port/}. */
    public URI url() {
        return URI.create("ws://" + address().getHostString() + ":" + address().getPort() + "/");
    }

    /** The transport it runs on: {@code epoll} or {@code nio}. */
    public String transport() {
        return transport.name();
    }

    /** Connections waiting for their partner now. */
    public int waiting() {
        return registry.waiting();
    }

    /** Completes when the listener closed. */
    public void awaitClose() throws InterruptedException {
        listener.closeFuture().await();
    }

    /** Closes the listener and every connection. Idempotent; blocks until done. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        shutdownGroups();
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
