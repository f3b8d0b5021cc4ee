package io.switchboard.core.telemetry;

/** Receives telemetry events. Implementations are thread-safe and never throw. */
@FunctionalInterface
public interface Telemetry {
    /** Discards every event. */
    Telemetry NOOP = event -> {};

    /** Records {@code event}. */
    void emit(TelemetryEvent event);
}
