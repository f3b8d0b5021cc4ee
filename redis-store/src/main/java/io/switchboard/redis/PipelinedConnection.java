package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One dedicated connection to one server that sends {@code PUBLISH} (or {@code SPUBLISH}) commands pipelined: all the
 * commands of a batch are written, then all replies read. Connects on first use and again after a failure. Used by
 * the publisher thread only, except {@link #close()}, which may come from the closing thread to unblock it.
 */
final class PipelinedConnection implements AutoCloseable {
    private final HostAndPort address;
    private final JedisClientConfig client;
    private final ProtocolCommand command;
    /**
     * A connection unused this long is pinged before the next batch: Redis may have restarted meanwhile, and a batch
     * written to the dead socket would be lost. Busy connections are never pinged; a quiet one pays one round trip.
     */
    private static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private volatile @Nullable Connection connection;
    private @Nullable Pipeline pipeline;
    private long lastUsed = System.nanoTime();

    PipelinedConnection(HostAndPort address, JedisClientConfig client, ProtocolCommand command) {
        this.address = address;
        this.client = client;
        this.command = command;
    }

    /** Connects if needed and pings. */
    void probe() {
        open();
        Connection current = connection;
        if (current == null || !current.ping()) {
            close();
            throw new JedisException("no PONG from " + address);
        }
    }

    /**
     * Publishes {@code packets[indexes[i]]} for each i in one round trip, and puts Redis's error for a packet, if any,
     * at the packet's index in {@code results}.
     */
    void publish(List<Packet> packets, List<Integer> indexes, List<@Nullable RuntimeException> results) {
        if (connection != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS) {
            revalidate();
        }
        Pipeline current = open();
        List<Response<Object>> replies = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            Packet packet = packets.get(index);
            replies.add(current.sendCommand(command, packet.channel(), packet.frame()));
        }
        try {
            current.sync();
        } catch (JedisException e) {
            close();
            throw e;
        }
        lastUsed = System.nanoTime();
        for (int i = 0; i < replies.size(); i++) {
            try {
                replies.get(i).get();
            } catch (JedisDataException e) {
                results.set(indexes.get(i), e);
            }
        }
    }

    /**
     * Pings an idle connection; one that fails (its server restarted, a middlebox dropped it) is replaced by a fresh
     * one before anything is sent on it, so a batch is never lost to a connection that was dead before it was sent.
     * Throws if the fresh one fails too.
     */
    private void revalidate() {
        try {
            Connection current = connection;
            if (current != null && current.ping()) {
                lastUsed = System.nanoTime();
                return;
            }
        } catch (JedisException e) {
            // dead: replaced below
        }
        close();
        probe();
        lastUsed = System.nanoTime();
    }

    @Override
    public void close() {
        Connection current = connection;
        connection = null;
        pipeline = null;
        if (current != null) {
            current.close();
        }
    }

    private Pipeline open() {
        Pipeline current = pipeline;
        if (current == null || connection == null) {
            Connection fresh = new Connection(address, client);
            connection = fresh;
            current = new Pipeline(fresh);
            pipeline = current;
        }
        return current;
    }
}
