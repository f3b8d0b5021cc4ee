package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.List;
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
    private volatile @Nullable Connection connection;
    private @Nullable Pipeline pipeline;

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
        for (int i = 0; i < replies.size(); i++) {
            try {
                replies.get(i).get();
            } catch (JedisDataException e) {
                results.set(indexes.get(i), e);
            }
        }
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
