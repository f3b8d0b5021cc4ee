package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.SessionId;

/**
 * The key names of {@link RedisLeasedRoomStore}. On a standalone server they are exactly PrivyDrop's (PROTOCOLS.md
 * §2.3), unprefixed. On a Redis Cluster the room's two keys carry the hash tag {@code {room:<id>}}, which puts them
 * in one slot whatever the id holds (the tag is never empty, and both names share it up to its first {@code }}).
 *
 * @param topology where the keys live
 * @param prefix Switchboard's key prefix, for the expiry index only
 */
record LeasedRoomKeys(RedisTopology topology, String prefix) {
    LeasedRoomKeys {
        requireNonNull(topology, "topology");
        requireNonNull(prefix, "prefix");
    }

    /** {@code room:<id>} (hash, {@code created_at}); {@code {room:<id>}} on a Cluster. */
    String room(String roomId) {
        return topology == RedisTopology.CLUSTER ? "{room:" + roomId + "}" : "room:" + roomId;
    }

    /** {@code room:<id>:sockets} (set of session ids); {@code {room:<id>}:sockets} on a Cluster. */
    String sockets(String roomId) {
        return room(roomId) + ":sockets";
    }

    /** {@code socket:<sid>} (string: the room id), the same on both topologies. */
    String socket(SessionId session) {
        return "socket:" + session.value();
    }

    /** {@code <prefix>leased-rooms}: a sorted set of room ids scored by when they expire (ms), for counting. */
    String index() {
        return prefix + "leased-rooms";
    }
}
