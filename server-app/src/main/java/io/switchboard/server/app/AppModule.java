package io.switchboard.server.app;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.protocol.Dialect;
import io.switchboard.server.engineio.EngineIoServer;
import io.switchboard.server.http.RouteTable;

/**
 * One app as a listener serves it: its name, its HTTP routes and either the dialect of its plain-WebSocket sessions
 * (which upgrade on any path) or its Engine.IO endpoint (Socket.IO apps, whose dialects sit behind it).
 *
 * @param name the app's name, as {@code --app} spells it
 * @param dialect the plain-WebSocket dialect; null for an Engine.IO app
 * @param node the node its sessions live on
 * @param routes its HTTP routes
 * @param engineIo its Engine.IO endpoint; null for a plain-WebSocket app
 */
public record AppModule(
        String name,
        @Nullable Dialect dialect,
        SignalingNode node,
        RouteTable routes,
        @Nullable EngineIoServer engineIo) {
    /** Exactly one of {@code dialect} and {@code engineIo} is set. */
    public AppModule {
        requireNonNull(name, "name");
        requireNonNull(node, "node");
        requireNonNull(routes, "routes");
        if ((dialect == null) == (engineIo == null)) {
            throw new IllegalArgumentException(
                    "app " + name + ": expected exactly one of a dialect or an Engine.IO " + "endpoint");
        }
    }
}
