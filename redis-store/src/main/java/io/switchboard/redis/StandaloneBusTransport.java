package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;

/** The bus on one Redis server: {@code PUBLISH} on one pipelined connection, {@code SUBSCRIBE} per inbox. */
final class StandaloneBusTransport implements BusTransport {
    private final HostAndPort address;
    private final JedisClientConfig client;
    private final PipelinedConnection publisher;

    StandaloneBusTransport(HostAndPort address, JedisClientConfig client) {
        this.address = address;
        this.client = client;
        this.publisher = new PipelinedConnection(address, client, Protocol.Command.PUBLISH);
    }

    @Override
    public List<@Nullable RuntimeException> publish(List<Packet> packets) {
        List<@Nullable RuntimeException> results = new ArrayList<>(Collections.nCopies(packets.size(), null));
        publisher.publish(packets, IntStream.range(0, packets.size()).boxed().toList(), results);
        return results;
    }

    @Override
    public void probe() {
        publisher.probe();
    }

    @Override
    public Connection connectSubscriber(byte[] channel) {
        return new Connection(address, client);
    }

    @Override
    public void listen(Connection connection, byte[] channel, InboxListener listener) {
        new BinaryJedisPubSub() {
            @Override
            public void onSubscribe(byte[] subscribed, int count) {
                listener.onSubscribed();
            }

            @Override
            public void onMessage(byte[] from, byte[] message) {
                listener.onFrame(message);
            }
        }.proceed(connection, channel);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
