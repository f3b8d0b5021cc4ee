package io.switchboard.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogRingTest {
    @Test
    void joinsLinesOldestFirstWithNewlines() {
        LogRing ring = new LogRing(3);
        ring.add("a");
        ring.add("b");

        assertEquals("a\nb", ring.joined());
        assertEquals(2, ring.size());
    }

    @Test
    void fullRingDropsTheOldestLine() {
        LogRing ring = new LogRing(3);
        for (String line : new String[] {"1", "2", "3", "4", "5"}) {
            ring.add(line);
        }

        assertEquals("3\n4\n5", ring.joined());
        assertEquals(3, ring.size());
    }

    @Test
    void emptyRingJoinsToEmptyText() {
        assertEquals("", new LogRing(1).joined());
    }

    @Test
    void capacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogRing(0));
    }
}
