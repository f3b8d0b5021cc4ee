package io.switchboard.redis;

/** {@link RedisRoomStoreTest} on the 3-master Cluster. */
class RedisClusterRoomStoreTest extends RedisRoomStoreTest {
    @Override
    RedisTarget target() {
        return RedisTarget.CLUSTER;
    }
}
