package io.switchboard.core.spi;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.PeerSummary;

/**
 * One session as its network group records it.
 *
 * @param id the session
 * @param node the node that holds the session, where updates for it are delivered
 * @param name the display name others see
 * @param paired whether the session shares a flight with a peer; paired sessions are hidden from the lists
 */
public record PresenceEntry(SessionId id, NodeId node, String name, boolean paired) {
    /** All fields are required. */
    public PresenceEntry {
        requireNonNull(id, "id");
        requireNonNull(node, "node");
        requireNonNull(name, "name");
    }

    /** This entry with {@code name}. */
    public PresenceEntry withName(String name) {
        return new PresenceEntry(id, node, name, paired);
    }

    /** This entry with {@code paired}. */
    public PresenceEntry withPaired(boolean paired) {
        return new PresenceEntry(id, node, name, paired);
    }

    /** The id and name, as the other members see them. */
    public PeerSummary summary() {
        return new PeerSummary(id, name);
    }
}
