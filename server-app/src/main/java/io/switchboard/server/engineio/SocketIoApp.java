package io.switchboard.server.engineio;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.SignalingNode;
import io.switchboard.protocol.Dialect;
import java.util.Set;

/**
 * What the Socket.IO layer serves: the app's dialect (events to commands and back), the node, and the namespaces a
 * client may connect to (every app uses {@code /} only).
 */
public record SocketIoApp(Dialect dialect, SignalingNode node, Set<String> namespaces) {
    /** All fields are required; the namespaces are copied. */
    public SocketIoApp {
        requireNonNull(dialect, "dialect");
        requireNonNull(node, "node");
        namespaces = Set.copyOf(namespaces);
    }
}
