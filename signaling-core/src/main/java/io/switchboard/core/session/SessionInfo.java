package io.switchboard.core.session;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ClientAddress;
import java.time.Instant;

/**
 * The fixed facts of a new session, as the transport learned them at connect time; {@code handshake} is what the
 * client sent with its connect (Socket.IO's CONNECT payload), as raw JSON.
 */
public record SessionInfo(
        SessionId id,
        AppId app,
        NodeId node,
        ClientAddress address,
        String userAgent,
        Instant connectedAt,
        String initialName,
        RawJson handshake) {
    /** A client's handshake data when it sent none: an empty JSON object. */
    public static final RawJson NO_HANDSHAKE = RawJson.of("{}");

    /** All fields are required; {@code userAgent} may be empty. */
    public SessionInfo {
        requireNonNull(id, "id");
        requireNonNull(app, "app");
        requireNonNull(node, "node");
        requireNonNull(address, "address");
        requireNonNull(userAgent, "userAgent");
        requireNonNull(connectedAt, "connectedAt");
        requireNonNull(initialName, "initialName");
        requireNonNull(handshake, "handshake");
    }
}
