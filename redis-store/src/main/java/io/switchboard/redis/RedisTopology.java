package io.switchboard.redis;

/** What the configured endpoint turned out to be, as {@code INFO cluster} told at start. */
public enum RedisTopology {
    /** One server (possibly with replicas): every key in one keyspace, multi-key scripts on any keys. */
    STANDALONE,
    /** A Redis Cluster: a multi-key command or script must keep all its keys in one hash slot. */
    CLUSTER
}
