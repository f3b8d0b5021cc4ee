package io.switchboard.redis;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.NodeId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Keeps one node's inbox channel subscribed: one thread, one dedicated connection, a blocking subscribe loop. When
 * the connection drops (Redis restarted, network lost) or the server ends the subscription, it subscribes again after
 * a capped backoff, for as long as it is open. Frames go to {@code frames} on this thread.
 */
final class InboxSubscriber implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxSubscriber.class);
    private static final long JOIN_MILLIS = 5_000;

    private final BusTransport transport;
    private final byte[] channel;
    private final Consumer<byte[]> frames;
    private final Backoff backoff;
    private final OutageLog outage;
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean subscribed;
    private volatile long lastHeardNanos = System.nanoTime();
    private @Nullable Connection connection;

    InboxSubscriber(NodeId node, BusTransport transport, RedisBusConfig config, Consumer<byte[]> frames) {
        this.transport = transport;
        this.channel = config.inboxChannel(node).getBytes(StandardCharsets.UTF_8);
        this.frames = frames;
        this.backoff = new Backoff(config.minBackoff(), config.maxBackoff());
        this.outage = new OutageLog(log, "bus inbox " + config.inboxChannel(node));
        this.thread = new Thread(this::run, "sb-bus-inbox-" + node);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether Redis has confirmed the subscription and it has not been lost since. */
    boolean isSubscribed() {
        return subscribed;
    }

    /** How long since the subscription was confirmed or last delivered a frame, at {@code now} (nanoTime). */
    long silentNanos(long now) {
        return now - lastHeardNanos;
    }

    /**
     * Breaks the connection of a subscription that went silent (a peer or path that vanished without closing the
     * socket would otherwise block the read forever); the thread subscribes again on a fresh one.
     */
    void reconnect() {
        subscribed = false;
        closeConnection();
    }

    /** Unsubscribes by closing the connection, and waits for the thread to end. */
    @Override
    public void close() {
        closed.countDown();
        closeConnection();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (isOpen()) {
            try {
                listenOnce();
            } catch (JedisException e) {
                if (isOpen()) {
                    outage.failed(e);
                }
            } catch (RuntimeException e) {
                log.error("bus inbox subscriber failed; subscribing again", e);
            }
            subscribed = false;
            pause(backoff.next());
        }
    }

    private void listenOnce() {
        Connection fresh = transport.connectSubscriber(channel);
        if (!adopt(fresh)) {
            fresh.close();
            return;
        }
        try {
            transport.listen(fresh, channel, new InboxListener() {
                @Override
                public void onSubscribed() {
                    lastHeardNanos = System.nanoTime();
                    subscribed = true;
                    backoff.reset();
                    outage.recovered();
                }

                @Override
                public void onFrame(byte[] frame) {
                    lastHeardNanos = System.nanoTime();
                    frames.accept(frame);
                }
            });
        } finally {
            closeConnection();
        }
    }

    /** Keeps {@code fresh} as the connection {@link #close()} will break, unless closing has begun. */
    private synchronized boolean adopt(Connection fresh) {
        if (!isOpen()) {
            return false;
        }
        connection = fresh;
        return true;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JedisException e) {
                // the socket was already broken
            }
            connection = null;
        }
    }

    private boolean isOpen() {
        return closed.getCount() > 0;
    }

    private void pause(Duration wait) {
        try {
            closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.countDown();
        }
    }
}
