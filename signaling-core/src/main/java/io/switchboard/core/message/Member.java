package io.switchboard.core.message;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.network.ClientAddress;

/**
 * One session's membership of a room as the store records it: who it is, which node holds it, and what other
 * members need to know about it (name, address for the LAN/WAN decision).
 */
public record Member(SessionId id, NodeId node, String name, ClientAddress address) {
    /** All fields are required. */
    public Member {
        requireNonNull(id, "id");
        requireNonNull(node, "node");
        requireNonNull(name, "name");
        requireNonNull(address, "address");
    }

    /** The id and name, as peers see them. */
    public PeerSummary summary() {
        return new PeerSummary(id, name);
    }
}
