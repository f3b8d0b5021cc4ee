package io.switchboard.server.app;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.SignalingNode;
import io.switchboard.server.ServerState;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.metrics.SwitchboardMetrics;
import io.switchboard.server.telemetry.EventLog;
import io.switchboard.server.telemetry.LogRing;
import java.time.Clock;
import java.time.Instant;

/** What an app module is built from: config, the node, telemetry, metrics and process state. */
public record ModuleContext(
        ServerConfig config,
        SignalingNode node,
        EventLog telemetry,
        LogRing logs,
        ServerState state,
        Instant startedAt,
        Clock clock,
        SwitchboardMetrics metrics) {
    /** All fields are required. */
    public ModuleContext {
        requireNonNull(config, "config");
        requireNonNull(node, "node");
        requireNonNull(telemetry, "telemetry");
        requireNonNull(logs, "logs");
        requireNonNull(state, "state");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(clock, "clock");
        requireNonNull(metrics, "metrics");
    }
}
