package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.BinaryJedisShardedPubSub;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The bus on a Redis Cluster with sharded pub/sub (Redis 7): each inbox channel hashes to a slot, and {@code
 * SPUBLISH}/{@code SSUBSCRIBE} go to the master that owns it, so a message crosses no cluster bus and only the owner
 * of the slot does work for it. One pipelined connection per master for publishing; the slot map comes from a
 * {@link ClusterConnectionProvider} and is refreshed after a connection failure or a {@code MOVED} reply.
 */
final class ClusterBusTransport implements BusTransport {
    private final JedisClientConfig client;
    private final ClusterConnectionProvider slots;
    private final Map<HostAndPort, PipelinedConnection> publishers = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Reads the slot map from {@code seed}; throws if no node of the Cluster answers. */
    ClusterBusTransport(HostAndPort seed, JedisClientConfig client) {
        this.client = client;
        this.slots = new ClusterConnectionProvider(Set.of(seed), client);
    }

    @Override
    public List<@Nullable RuntimeException> publish(List<Packet> packets) {
        List<@Nullable RuntimeException> results = new ArrayList<>(Collections.nCopies(packets.size(), null));
        Map<HostAndPort, List<Integer>> byOwner = new LinkedHashMap<>();
        for (int i = 0; i < packets.size(); i++) {
            HostAndPort owner =
                    slots.getNode(JedisClusterCRC16.getSlot(packets.get(i).channel()));
            if (owner == null) {
                results.set(i, new JedisClusterOperationException("no master serves the slot of this inbox"));
                continue;
            }
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(i);
        }
        @Nullable RuntimeException lastFailure = null;
        int failedOwners = 0;
        for (Map.Entry<HostAndPort, List<Integer>> owner : byOwner.entrySet()) {
            try {
                publisher(owner.getKey()).publish(packets, owner.getValue(), results);
            } catch (JedisException e) {
                // one master down fails only what was bound for it; the others' inboxes still get theirs
                owner.getValue().forEach(i -> results.set(i, e));
                lastFailure = e;
                failedOwners++;
            }
        }
        if (lastFailure != null || results.stream().anyMatch(JedisMovedDataException.class::isInstance)) {
            refreshSlots();
        }
        if (lastFailure != null && failedOwners == byOwner.size()) {
            throw lastFailure;
        }
        return results;
    }

    @Override
    public void probe() {
        slots.renewSlotCache();
        try (Connection connection = slots.getConnection()) {
            if (!connection.ping()) {
                throw new JedisClusterOperationException("no PONG from the Cluster");
            }
        }
    }

    @Override
    public Connection connectSubscriber(byte[] channel) {
        int slot = JedisClusterCRC16.getSlot(channel);
        HostAndPort owner = slots.getNode(slot);
        if (owner == null) {
            slots.renewSlotCache();
            owner = slots.getNode(slot);
        }
        if (owner == null) {
            throw new JedisClusterOperationException("no master serves slot " + slot);
        }
        return new Connection(owner, client);
    }

    @Override
    public void listen(Connection connection, byte[] channel, InboxListener listener) {
        new BinaryJedisShardedPubSub() {
            @Override
            public void onSSubscribe(byte[] subscribed, int count) {
                listener.onSubscribed();
            }

            @Override
            public void onSMessage(byte[] from, byte[] message) {
                listener.onFrame(message);
            }
        }.proceed(connection, channel);
    }

    @Override
    public void close() {
        publishers.values().forEach(PipelinedConnection::close);
        if (closed.compareAndSet(false, true)) {
            slots.close();
        }
    }

    private PipelinedConnection publisher(HostAndPort owner) {
        return publishers.computeIfAbsent(owner, o -> new PipelinedConnection(o, client, Protocol.Command.SPUBLISH));
    }

    private void refreshSlots() {
        try {
            slots.renewSlotCache();
        } catch (JedisException e) {
            // the Cluster is unreachable; the publisher's reconnection attempts will refresh it later
        }
    }
}
