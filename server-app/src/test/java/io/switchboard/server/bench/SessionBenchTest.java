package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionBenchTest {
    private static final int LOOPS = 3;

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "privydrop", "reference"})
    void everyLoopCompletesWholeSessionsWithEverySignalOnceAndInOrder(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            BenchSettings settings = target.settings()
                    .pairs(LOOPS)
                    .duration(Duration.ofMillis(300))
                    .build();

            BenchReport report = new SessionRun(settings).run();

            Map<String, Object> values = report.values();
            assertEquals(0L, values.get("errors"), values.toString());
            assertEquals(0L, values.get("duplicates"), values.toString());
            assertEquals(0L, values.get("outOfOrder"), values.toString());
            // each loop starts a session at once and finishes it, however slow the machine
            assertTrue((Long) values.get("sessions") >= LOOPS, values.toString());
            assertEquals(22, values.get("signalsPerSession"), values.toString());
            assertFalse(report.failed(), values.toString());
        }
    }
}
