package io.switchboard.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy to one port that can freeze the connections it carries: a frozen connection stays open and
 * forwards nothing in either direction, as when a peer or a path vanishes without a FIN or RST. Connections opened
 * after a freeze pass normally. One thread per direction per connection; for tests only.
 */
final class FreezingTcpProxy implements AutoCloseable {
    private final int targetPort;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    FreezingTcpProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.acceptor = new Thread(this::accept, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port clients connect to. */
    int port() {
        return server.getLocalPort();
    }

    /** Freezes every connection open now. */
    void freezeOpenConnections() {
        links.forEach(link -> link.frozen = true);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        links.forEach(Link::close);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One proxied connection. */
    private static final class Link {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean frozen;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[16 * 1024];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                while (frozen) {
                                    Thread.sleep(10); // hold the bytes; the socket stays open
                                }
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (IOException | InterruptedException e) {
                            // one side closed
                        } finally {
                            if (!frozen) {
                                close();
                            }
                        }
                    },
                    "test-proxy-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            frozen = false; // lets a held pump fail on the closed socket and end
            closeQuietly(client);
            closeQuietly(upstream);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
