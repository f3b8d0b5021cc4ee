package io.switchboard.server.telemetry;

import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it is given, in order. Thread-safe. */
public final class RecordingTelemetry implements Telemetry {
    private final List<TelemetryEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(TelemetryEvent event) {
        events.add(event);
    }

    /** The events so far, oldest first. */
    public List<TelemetryEvent> events() {
        return List.copyOf(events);
    }
}
