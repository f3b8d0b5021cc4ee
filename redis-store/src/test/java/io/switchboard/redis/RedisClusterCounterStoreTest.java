package io.switchboard.redis;

/** {@link RedisCounterStoreTest} on the 3-master Cluster. */
class RedisClusterCounterStoreTest extends RedisCounterStoreTest {
    @Override
    RedisTarget target() {
        return RedisTarget.CLUSTER;
    }
}
