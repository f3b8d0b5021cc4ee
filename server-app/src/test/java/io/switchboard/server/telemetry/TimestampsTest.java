package io.switchboard.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeDateToIsoStringWithExactlyThreeFractionDigits() {
        assertEquals("2024-05-01T12:00:00.000Z", Timestamps.iso(Instant.parse("2024-05-01T12:00:00Z")));
        assertEquals("2024-05-01T12:00:00.007Z", Timestamps.iso(Instant.parse("2024-05-01T12:00:00.007999Z")));
        assertEquals("1970-01-01T00:00:00.999Z", Timestamps.iso(Instant.ofEpochMilli(999)));
        assertEquals("1969-12-31T23:59:59.500Z", Timestamps.iso(Instant.ofEpochMilli(-500)));
    }

    @Test
    void agreesWithTheFormatterWithinOneSecondAndAcrossManySeconds() {
        Random random = new Random(7);
        long base = Instant.parse("2026-11-23T17:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            // runs of instants within one second (the reused prefix) and jumps between distant ones
            long millis = i % 50 == 0 ? random.nextLong(253_402_300_799_999L) : base + random.nextInt(3_000);
            Instant instant = Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000));
            assertEquals(REFERENCE.format(instant), Timestamps.iso(instant), instant::toString);
        }
    }
}
