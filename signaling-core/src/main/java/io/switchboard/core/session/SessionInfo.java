package io.switchboard.core.session;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.network.ClientAddress;
import java.time.Instant;

/** The fixed facts of a new session, as the transport learned them at connect time. */
public record SessionInfo(
        SessionId id,
        AppId app,
        NodeId node,
        ClientAddress address,
        String userAgent,
        Instant connectedAt,
        String initialName) {
    /** All fields are required; {@code userAgent} may be empty. */
    public SessionInfo {
        requireNonNull(id, "id");
        requireNonNull(app, "app");
        requireNonNull(node, "node");
        requireNonNull(address, "address");
        requireNonNull(userAgent, "userAgent");
        requireNonNull(connectedAt, "connectedAt");
        requireNonNull(initialName, "initialName");
    }
}
