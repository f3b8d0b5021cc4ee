package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.redis.testing.EmbeddedRedis;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/** The bus on the shared 3-master Cluster, through sharded pub/sub. */
class RedisNodeBusClusterTest {
    @Test
    void tenThousandDeliveriesEachWayArriveExactlyOnceAndInOrderOverShardedPubSub() throws Exception {
        HostAndPort seed = new HostAndPort(
                "127.0.0.1", EmbeddedRedis.sharedCluster().get(0).port());
        RedisBusConfig config = RedisBusConfig.DEFAULTS.withKeyPrefix("t-" + UUID.randomUUID() + ":");
        try (RedisNodeBus busA = new RedisNodeBus(
                        seed, DefaultJedisClientConfig.builder().build(), true, config);
                RedisNodeBus busB = new RedisNodeBus(
                        seed, DefaultJedisClientConfig.builder().build(), true, config)) {
            BusExchange.bothWays(busA, busB, 10_000);

            assertEquals(10_001, busA.received());
            assertEquals(10_001, busB.received());
            assertEquals(0, busA.publishFailures() + busB.publishFailures());
        }
    }
}
