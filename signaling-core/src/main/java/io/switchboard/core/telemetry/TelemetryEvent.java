package io.switchboard.core.telemetry;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One structured event: a name such as {@code flight:joined}, a level, and ordered fields whose values are strings,
 * numbers, booleans or null.
 */
public record TelemetryEvent(String name, Level level, Map<String, Object> fields) {
    /** How loud the event is. */
    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    /** Copies the fields, keeping their order. */
    public TelemetryEvent {
        requireNonNull(name, "name");
        requireNonNull(level, "level");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An INFO event with fields given as alternating names and values. */
    public static TelemetryEvent info(String name, Object... namesAndValues) {
        return new TelemetryEvent(name, Level.INFO, toMap(namesAndValues));
    }

    /** A WARN event with fields given as alternating names and values. */
    public static TelemetryEvent warn(String name, Object... namesAndValues) {
        return new TelemetryEvent(name, Level.WARN, toMap(namesAndValues));
    }

    /** A DEBUG event (tracked, not printed by default) with fields as alternating names and values. */
    public static TelemetryEvent debug(String name, Object... namesAndValues) {
        return new TelemetryEvent(name, Level.DEBUG, toMap(namesAndValues));
    }

    /** A field's value, or null. */
    public @io.switchboard.core.Nullable Object field(String key) {
        return fields.get(key);
    }

    private static Map<String, Object> toMap(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields: odd count " + namesAndValues.length + " (expected: pairs)");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return map;
    }
}
