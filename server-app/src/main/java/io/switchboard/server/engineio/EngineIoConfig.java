package io.switchboard.server.engineio;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The settings of one Engine.IO endpoint, with the reference server's defaults.
 *
 * @param pingInterval how often the server pings; a client that sees no ping for pingInterval + pingTimeout closes
 * @param pingTimeout how long the server waits for a pong before it closes the session
 * @param maxPayload largest WebSocket message or polling POST body; larger ones close the session (1009 / 413)
 * @param upgradeTimeout how long a WebSocket probe may take to complete the upgrade
 * @param connectTimeout how long a new session may go without connecting to a namespace
 */
public record EngineIoConfig(
        Duration pingInterval, Duration pingTimeout, int maxPayload, Duration upgradeTimeout, Duration connectTimeout) {
    /** socket.io 4.x defaults: 25 s, 20 s, 1 MB, 10 s, 45 s. */
    public static final EngineIoConfig DEFAULTS = new EngineIoConfig(
            Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000, Duration.ofSeconds(10), Duration.ofSeconds(45));

    /** Validates every value. */
    public EngineIoConfig {
        requireNonNull(pingInterval, "pingInterval");
        requireNonNull(pingTimeout, "pingTimeout");
        requireNonNull(upgradeTimeout, "upgradeTimeout");
        requireNonNull(connectTimeout, "connectTimeout");
        if (pingInterval.toMillis() <= 0 || pingTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException(
                    "ping interval/timeout: " + pingInterval + "/" + pingTimeout + " (expected: > 0)");
        }
        if (maxPayload < 1024) {
            throw new IllegalArgumentException("max-payload: " + maxPayload + " (expected: >= 1024)");
        }
    }
}
