package io.switchboard.core.message;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.SessionId;

/** What one session shows of itself to others: its id and display name. */
public record PeerSummary(SessionId id, String name) {
    /** Both fields are required. */
    public PeerSummary {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
    }
}
