package io.switchboard.redis;

/** {@link RedisRateLimitStoreTest} on the 3-master Cluster. */
class RedisClusterRateLimitStoreTest extends RedisRateLimitStoreTest {
    @Override
    RedisTarget target() {
        return RedisTarget.CLUSTER;
    }
}
