package io.switchboard.server.engineio;

import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.network.ClientAddress;

/** Chooses what runs on top of each new Engine.IO session of an endpoint (Socket.IO, or a plain echo). */
public interface SessionListeners {
    /** The listener factory for a session opened by {@code client}. */
    EngineIoListener.Factory forClient(
            ClientAddress client, String userAgent, IdGenerator ids, EngineIoConfig config, long budget);
}
