package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * The Redis side of the bus: plain pub/sub on one server ({@link StandaloneBusTransport}) or sharded pub/sub on a
 * Cluster ({@link ClusterBusTransport}). Publishing is called from the publisher thread only; subscribing from each
 * inbox's own thread. Every failure to reach Redis is a {@code JedisException}.
 */
interface BusTransport extends AutoCloseable {
    /** The transport for a standalone server at {@code address}, or for the Cluster that {@code address} is part of. */
    static BusTransport create(HostAndPort address, JedisClientConfig client, boolean cluster) {
        return cluster ? new ClusterBusTransport(address, client) : new StandaloneBusTransport(address, client);
    }

    /**
     * Publishes every packet in one pipelined round trip per server, in order per channel.
     *
     * @return for each packet, in the same order, null if Redis took it, or why it did not (an error reply, or on a
     *     Cluster the failure of the one master it was bound for)
     * @throws redis.clients.jedis.exceptions.JedisException if Redis could not be reached at all; then some packets may
     *     have been published, but none is reported so
     */
    List<@Nullable RuntimeException> publish(List<Packet> packets);

    /** Connects for publishing and checks that Redis answers; throws if it does not. */
    void probe();

    /** A new connection to the server that serves {@code channel}, for one subscriber. */
    Connection connectSubscriber(byte[] channel);

    /**
     * Subscribes {@code connection} to {@code channel} and blocks, calling {@code listener}, until the connection fails
     * or is closed (an exception) or the server ends the subscription (a normal return).
     */
    void listen(Connection connection, byte[] channel, InboxListener listener);

    /** Closes the publishing connections; idempotent, and safe while the publisher thread is blocked on them. */
    @Override
    void close();
}
