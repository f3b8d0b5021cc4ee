package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.id.AppId;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.NetworkPresenceStoreContract;
import io.switchboard.redis.testing.EmbeddedRedis;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The presence contract on a three-master Redis Cluster: each group's scripts run on its own slot. */
class RedisClusterNetworkPresenceStoreTest extends NetworkPresenceStoreContract {
    private static final String PREFIX = "test-" + UUID.randomUUID() + ":";

    private static JedisCluster cluster;
    private static ExecutorService executor;
    private static RedisNetworkPresenceStore store;

    @BeforeAll
    static void connect() {
        cluster = new JedisCluster(new HostAndPort(
                "127.0.0.1", EmbeddedRedis.sharedCluster().get(0).port()));
        executor = Executors.newFixedThreadPool(4);
        store = new RedisNetworkPresenceStore(cluster, PREFIX, executor);
    }

    @AfterAll
    static void disconnect() {
        executor.shutdown();
        cluster.close();
    }

    @Override
    protected NetworkPresenceStore store() {
        return store;
    }

    @Test
    void aGroupsKeyIsPlacedByItsNetworkTagAlone() {
        NetworkGroup group = new NetworkGroup(AppId.DROPSILK, "203.0.113.7");
        assertEquals(
                JedisClusterCRC16.getSlot("net:dropsilk:203.0.113.7"), JedisClusterCRC16.getSlot(store.key(group)));
    }
}
