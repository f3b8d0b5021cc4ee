package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenLoopBenchTest {
    private static final int PAIRS = 4;

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "privydrop", "reference"})
    void aRateForADurationSendsAboutRateTimesDurationAndEachArrivesOnceInOrder(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            BenchSettings settings = target.settings()
                    .pairs(PAIRS)
                    .rate(400)
                    .duration(Duration.ofSeconds(1))
                    .build();

            BenchReport report = new RelayRun(settings).run();

            Map<String, Object> values = report.values();
            long sent = (Long) values.get("sent");
            assertEquals("open", values.get("loop"), values.toString());
            assertTrue(Math.abs(sent - 400) <= PAIRS, values.toString()); // the schedule's slots, not the clock
            assertEquals(values.get("planned"), sent, values.toString());
            assertEquals(sent, values.get("received"), values.toString());
            assertEquals(0L, values.get("unsent"), values.toString());
            assertEquals(0L, values.get("dropped"), values.toString());
            assertEquals(0L, values.get("duplicates"), values.toString());
            assertEquals(0L, values.get("outOfOrder"), values.toString());
            assertEquals(0L, values.get("errors"), values.toString());
            assertFalse(report.failed(), values.toString());
            // each message arrives after it left, so its latency from the due time covers its lateness in leaving
            assertTrue((Long) values.get("sendLateP50Us") <= (Long) values.get("p50Us"), values.toString());
            assertTrue((Long) values.get("sendLateP99Us") <= (Long) values.get("p99Us"), values.toString());
            // and it left at or after its due time, so its latency from leaving is within its latency from due
            assertTrue((Long) values.get("fromSendP50Us") <= (Long) values.get("p50Us"), values.toString());
            assertTrue((Long) values.get("fromSendP99Us") <= (Long) values.get("p99Us"), values.toString());
        }
    }

    @Test
    void aRateWithMessagesSendsExactlyThatManyPerPair() throws Exception {
        try (BenchTarget target = BenchTarget.start("dropsilk")) {
            BenchSettings settings = target.settings()
                    .pairs(PAIRS)
                    .rate(2000)
                    .messages(25)
                    .payload(Payload.OFFER)
                    .build();

            Map<String, Object> values = new RelayRun(settings).run().values();

            assertEquals(100L, values.get("sent"), values.toString());
            assertEquals(100L, values.get("received"), values.toString());
            assertEquals(0L, values.get("dropped"), values.toString());
        }
    }
}
