package io.switchboard.redis;

import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.redis.testing.EmbeddedRedis;
import java.time.Clock;
import java.util.UUID;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/** The two deployments the Redis tests run on: the JVM's shared standalone server and its shared 3-master Cluster. */
enum RedisTarget {
    STANDALONE(RedisTopology.STANDALONE) {
        @Override
        EmbeddedRedis seed() {
            return EmbeddedRedis.shared();
        }
    },
    CLUSTER(RedisTopology.CLUSTER) {
        @Override
        EmbeddedRedis seed() {
            return EmbeddedRedis.sharedCluster().get(0);
        }
    };

    private final RedisTopology topology;

    RedisTarget(RedisTopology topology) {
        this.topology = topology;
    }

    /** The server, or the Cluster node the stores are seeded from. */
    abstract EmbeddedRedis seed();

    RedisTopology topology() {
        return topology;
    }

    /** Stores with a key prefix of their own, so tests never see each other's keys; close them. */
    RedisStores connect(Clock clock) {
        return RedisStores.connect(
                RedisStoreConfig.parse(seed().url() + "?prefix=" + uniquePrefix()), clock, LeaseTimes.PRIVYDROP);
    }

    /** A plain client of the same deployment, for inspecting keys; close it. */
    UnifiedJedis rawClient() {
        HostAndPort seed = new HostAndPort("127.0.0.1", seed().port());
        return this == CLUSTER ? new JedisCluster(seed) : new JedisPooled(seed);
    }

    static String uniquePrefix() {
        return "t-" + UUID.randomUUID() + ":";
    }
}
