package io.switchboard.server.app;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.AppService;
import io.switchboard.core.SignalingNode;
import io.switchboard.protocol.Dialect;
import io.switchboard.server.http.RouteTable;

/**
 * One app as a listener serves it: its dialect for WebSocket messages, its service on the node, and its HTTP
 * routes.
 */
public record AppModule(Dialect dialect, AppService service, SignalingNode node, RouteTable routes) {
    /** All fields are required. */
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
