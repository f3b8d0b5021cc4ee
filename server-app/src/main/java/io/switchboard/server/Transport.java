package io.switchboard.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The I/O transport: native epoll where it is available and asked for, NIO otherwise. Shared by the server and the
 * bench's reference relay, so both run on the same transport.
 *
 * @param name {@code epoll} or {@code nio}
 * @param ioHandlerFactory the event loops' I/O handler
 * @param serverChannel the listener's channel class
 */
public record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel) {

    /** Picks a transport for the configured choice: {@code auto}, {@code epoll} or {@code nio}. */
    public static Transport select(String choice) {
        if (!"nio".equals(choice) && Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
        }
        if ("epoll".equals(choice)) {
            throw new IllegalStateException("transport epoll is not available here: " + Epoll.unavailabilityCause());
        }
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }

    /**
     * The event-loop threads for a configured count: 0 means one per core the JVM may use (so a server pinned to one
     * core with {@code taskset} runs one loop, not Netty's default of two per core).
     */
    public static int workerThreads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
