package io.switchboard.redis;

/** {@link RedisSessionDirectoryTest} on the 3-master Cluster. */
class RedisClusterSessionDirectoryTest extends RedisSessionDirectoryTest {
    @Override
    RedisTarget target() {
        return RedisTarget.CLUSTER;
    }
}
