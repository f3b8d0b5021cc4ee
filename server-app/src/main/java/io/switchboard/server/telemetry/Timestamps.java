package io.switchboard.server.telemetry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants the way JavaScript's {@code Date.toISOString()} does, which the DropSilk logs use. Every telemetry
 * line carries one, so the date and time up to the second are formatted once per second and reused; only the
 * milliseconds are written per call.
 */
public final class Timestamps {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private Timestamps() {}

    /** {@code instant} in UTC with exactly three fraction digits, e.g. {@code 2024-05-01T12:00:00.000Z}. */
    public static String iso(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, ISO_SECONDS.format(instant));
            last = second;
        }
        String prefix = second.prefix();
        int millis = instant.getNano() / 1_000_000;
        char[] out = new char[prefix.length() + 4];
        prefix.getChars(0, prefix.length(), out, 0);
        int at = prefix.length();
        out[at] = (char) ('0' + millis / 100);
        out[at + 1] = (char) ('0' + millis / 10 % 10);
        out[at + 2] = (char) ('0' + millis % 10);
        out[at + 3] = 'Z';
        return new String(out);
    }

    /** The formatted date and time of one second, up to and including the dot. */
    private record Second(long epochSecond, String prefix) {}
}
