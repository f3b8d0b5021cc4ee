package io.switchboard.server.telemetry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats instants the way JavaScript's {@code Date.toISOString()} does, which the DropSilk logs use. */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** {@code instant} in UTC with exactly three fraction digits, e.g. {@code 2024-05-01T12:00:00.000Z}. */
    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
