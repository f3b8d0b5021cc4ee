package io.switchboard.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A real Redis 7 server (the binary shipped in {@code org.signal:embedded-redis}) on a free loopback port. {@link
 * #shared()} is one server for the whole test JVM (tests isolate themselves with key prefixes, never by flushing);
 * {@link #start()} gives a test its own server to stop and start (outage tests); {@link #cluster(int)} forms a Redis
 * Cluster of that many masters and all 16,384 slots.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final int SLOTS = 16_384;
    private static EmbeddedRedis shared;
    private static List<EmbeddedRedis> sharedCluster;

    private final int port;
    private final List<String> settings;
    private RedisServer server;

    private EmbeddedRedis(int port, List<String> settings) {
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    /** The JVM-wide standalone server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedRedis shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-redis-stop"));
        }
        return shared;
    }

    /** A new standalone server of the caller's own; close it when done. */
    public static EmbeddedRedis start() {
        EmbeddedRedis redis = new EmbeddedRedis(freePort(), List.of());
        redis.startServer();
        return redis;
    }

    /** The JVM-wide Redis Cluster of three masters, formed on first use and stopped when the JVM exits. */
    public static synchronized List<EmbeddedRedis> sharedCluster() {
        if (sharedCluster == null) {
            List<EmbeddedRedis> nodes = cluster(3);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(EmbeddedRedis::close), "cluster-stop"));
            sharedCluster = nodes;
        }
        return sharedCluster;
    }

    /** Starts {@code masters} cluster-enabled servers, splits the slots evenly and waits for {@code cluster_state:ok}. */
    public static List<EmbeddedRedis> cluster(int masters) {
        Path dir = tempDir();
        List<EmbeddedRedis> nodes = new ArrayList<>();
        for (int i = 0; i < masters; i++) {
            int port = freePort();
            EmbeddedRedis node = new EmbeddedRedis(
                    port,
                    List.of(
                            "cluster-enabled yes",
                            "cluster-config-file " + dir.resolve("nodes-" + port + ".conf"),
                            "cluster-node-timeout 2000"));
            node.startServer();
            nodes.add(node);
        }
        for (int i = 0; i < masters; i++) {
            int from = SLOTS * i / masters;
            int to = SLOTS * (i + 1) / masters;
            int[] slots = new int[to - from];
            for (int s = from; s < to; s++) {
                slots[s - from] = s;
            }
            try (Jedis jedis = nodes.get(i).client()) {
                jedis.clusterAddSlots(slots);
                if (i > 0) {
                    jedis.clusterMeet("127.0.0.1", nodes.get(0).port());
                }
            }
        }
        awaitClusterOk(nodes);
        return List.copyOf(nodes);
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** A plain connection, for tests that inspect keys; close it. */
    public Jedis client() {
        return new Jedis("127.0.0.1", port);
    }

    /** Whether the server process runs. */
    public boolean isRunning() {
        return server != null && server.isActive();
    }

    /** Stops the server (an outage); {@link #restart()} brings it back on the same port, empty. */
    public void stop() {
        if (server != null && server.isActive()) {
            server.stop();
        }
    }

    /** Starts the server again on the same port. */
    public void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // the JVM is exiting or the process is already gone
        }
    }

    private void startServer() {
        var builder = RedisServer.builder()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + tempDir());
        for (String setting : settings) {
            builder.setting(setting);
        }
        server = builder.build();
        server.start();
    }

    private static void awaitClusterOk(List<EmbeddedRedis> nodes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean ok = true;
            for (EmbeddedRedis node : nodes) {
                try (Jedis jedis = node.client()) {
                    ok &= jedis.clusterInfo().contains("cluster_state:ok");
                }
            }
            if (ok) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while forming the cluster", e);
            }
        }
        throw new IllegalStateException("the Redis Cluster did not reach cluster_state:ok within 30 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("switchboard-redis");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
