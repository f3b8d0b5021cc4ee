package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    @Test
    void privyDropJoinCyclesJoinOneRoomPerLoopInsteadOfCreatingOneEachCycle() throws Exception {
        try (BenchTarget target = BenchTarget.start("privydrop")) {
            BenchSettings settings =
                    target.settings().duration(Duration.ofMillis(500)).build();

            BenchReport report = new JoinRun(settings).run();

            long cycles = (Long) report.values().get("cycles");
            assertTrue(cycles > settings.pairs(), "cycles: " + cycles);
            String metrics = TestServer.send(HttpRequest.newBuilder(URI.create(target.url() + "/metrics"))
                            .build())
                    .body();
            // rooms live on after their last member left (15 minutes): one per loop was created, not one per cycle
            assertTrue(
                    metrics.contains("switchboard_rooms{app=\"privydrop\"} " + settings.pairs() + ".0"),
                    metrics.lines()
                            .filter(l -> l.startsWith("switchboard_rooms"))
                            .toList()
                            .toString());
        }
    }
}
