package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "privydrop", "reference"})
    void joinCyclesSucceed(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            BenchSettings settings =
                    target.settings().duration(Duration.ofMillis(500)).build();

            BenchReport report = new JoinRun(settings).run();

            Map<String, Object> values = report.values();
            assertEquals(0L, values.get("errors"), values.toString());
            assertFalse(report.failed(), values.toString());
        }
    }
}
