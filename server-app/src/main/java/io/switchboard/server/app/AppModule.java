package io.switchboard.server.app;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.AppService;
import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.protocol.Dialect;
import io.switchboard.server.engineio.EngineIoServer;
import io.switchboard.server.http.RouteTable;

/**
 * One app as a listener serves it: its dialect, its service on the node, its HTTP routes and, for Socket.IO apps,
 * its Engine.IO endpoint at {@code /socket.io/} (null for plain-WebSocket apps, which accept upgrades on any path).
 */
public record AppModule(
        Dialect dialect, AppService service, SignalingNode node, RouteTable routes, @Nullable EngineIoServer engineIo) {
    /** All fields but {@code engineIo} are required. */
    public AppModule {
        requireNonNull(dialect, "dialect");
        requireNonNull(service, "service");
        requireNonNull(node, "node");
        requireNonNull(routes, "routes");
    }

    /** The app's name. */
    public String name() {
        return dialect.app().name();
    }
}
