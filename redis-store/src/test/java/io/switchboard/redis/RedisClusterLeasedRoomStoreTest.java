package io.switchboard.redis;

/** {@link RedisLeasedRoomStoreTest} on the 3-master Cluster, where the room keys carry a hash tag. */
class RedisClusterLeasedRoomStoreTest extends RedisLeasedRoomStoreTest {
    @Override
    RedisTarget target() {
        return RedisTarget.CLUSTER;
    }
}
