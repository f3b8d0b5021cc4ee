package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SendTimesTest {
    @Test
    void keepsEveryTimeUntilItsMessageArrivesHoweverManyAreInFlight() {
        SendTimes times = new SendTimes();
        for (long seq = 0; seq < 10_000; seq++) {
            times.record(seq, 1_000 + seq);
        }

        for (long seq = 0; seq < 10_000; seq++) {
            assertEquals(1_000 + seq, times.take(seq));
        }
    }

    @Test
    void aMessageThatArrivesForgetsTheLostOnesBeforeIt() {
        SendTimes times = new SendTimes();
        for (long seq = 0; seq < 200; seq++) {
            times.record(seq, seq * 10);
            if (seq >= 100) {
                assertEquals((seq - 100) * 10, times.take(seq - 100));
            }
        }

        assertEquals(1_500, times.take(150)); // 100..149 were lost
        assertEquals(-1, times.take(120));
        assertEquals(-1, times.take(150), "taken once");
        assertEquals(-1, times.take(200), "never sent");
        assertEquals(1_510, times.take(151));
    }

    @Test
    void messagesAreRecordedInOrderOnly() {
        SendTimes times = new SendTimes();
        times.record(0, 1);

        assertThrows(IllegalStateException.class, () -> times.record(2, 1));
    }
}
