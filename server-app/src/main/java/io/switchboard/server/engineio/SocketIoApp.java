package io.switchboard.server.engineio;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.protocol.Dialect;
import java.util.Map;

/**
 * What the Socket.IO layer serves: the namespaces a client may connect to, each with the dialect of its events
 * (every app uses {@code /} only; the conformance endpoint adds {@code /custom}), and the node.
 */
public record SocketIoApp(Map<String, Dialect> namespaces, SignalingNode node) implements SessionListeners {
    /** At least one namespace; the map is copied. */
    public SocketIoApp {
        namespaces = Map.copyOf(namespaces);
        requireNonNull(node, "node");
        if (namespaces.isEmpty()) {
            throw new IllegalArgumentException("namespaces: none (expected: at least /)");
        }
    }

    /** An app on the main namespace only. */
    public static SocketIoApp mainNamespace(Dialect dialect, SignalingNode node) {
        return new SocketIoApp(Map.of("/", dialect), node);
    }

    /** The dialect of {@code namespace}, or null when the app has no such namespace. */
    public @Nullable Dialect dialect(String namespace) {
        return namespaces.get(namespace);
    }

    @Override
    public EngineIoListener.Factory forClient(
            ClientAddress client, String userAgent, IdGenerator ids, EngineIoConfig config, long budget) {
        return new SocketIoConnection.Factory(this, client, userAgent, ids, config, budget);
    }
}
