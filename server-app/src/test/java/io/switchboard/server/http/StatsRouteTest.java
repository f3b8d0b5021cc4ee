package io.switchboard.server.http;

import static io.switchboard.server.http.RouteFixtures.call;
import static io.switchboard.server.http.RouteFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.RouteFixtures.Answer;
import io.switchboard.server.telemetry.MutableClock;
import io.switchboard.server.testing.JsonTree;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatsRouteTest {
    private static final Instant STARTED = Instant.parse("2024-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(STARTED);

    @Test
    void answersPrettyPrintedStatsWithEveryField() {
        clock.advance(Duration.ofMillis(12_345));
        StatsRoute route = new StatsRoute(() -> 7, () -> 3, STARTED, clock, () -> 4096L * 10);

        Answer answer = call(route, request(HttpMethod.GET, "/stats"));

        assertEquals(200, answer.status());
        assertEquals("application/json", answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals(null, answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        Pattern shape = Pattern.compile("\\{\n"
                + "  \"activeConnections\": 7,\n"
                + "  \"activeFlights\": 3,\n"
                + "  \"uptime\": 12\\.345,\n"
                + "  \"memory\": \\{\n"
                + "    \"rss\": 40960,\n"
                + "    \"heapTotal\": \\d+,\n"
                + "    \"heapUsed\": \\d+,\n"
                + "    \"external\": \\d+,\n"
                + "    \"arrayBuffers\": \\d+\n"
                + "  },\n"
                + "  \"timestamp\": \"2024-05-01T12:00:12\\.345Z\"\n"
                + "}");
        assertTrue(shape.matcher(answer.body()).matches(), answer.body());
        Map<String, Object> json = JsonTree.object(answer.body());
        assertEquals(12.345, json.get("uptime"));
        Map<?, ?> memory = (Map<?, ?>) json.get("memory");
        assertEquals(List.of("rss", "heapTotal", "heapUsed", "external", "arrayBuffers"), List.copyOf(memory.keySet()));
        assertTrue((Long) memory.get("heapUsed") <= (Long) memory.get("heapTotal"));
        assertEquals(memory.get("external"), memory.get("arrayBuffers"));
    }

    @Test
    void uptimeIsAlwaysWrittenAsAFloat() {
        StatsRoute route = new StatsRoute(() -> 0, () -> 0, STARTED, clock, () -> 0L);

        assertTrue(route.body().contains("\"uptime\": 0.000,"), route.body());
    }

    @Test
    void residentBytesAreTheSecondStatmFieldTimesThePageSize() {
        assertEquals(2_000L * 4096, StatsRoute.residentBytes("10000 2000 300 4 0 500 0\n"));
        assertEquals(0, StatsRoute.residentBytes("garbage"));
        assertEquals(0, StatsRoute.residentBytes("1 x 2"));
        assertEquals(0, StatsRoute.residentBytes(""));
    }

    @Test
    void defaultRssReaderNeverFails() {
        StatsRoute route = new StatsRoute(() -> 0, () -> 0, STARTED, clock);

        Map<?, ?> memory = (Map<?, ?>) JsonTree.object(route.body()).get("memory");
        assertTrue((Long) memory.get("rss") >= 0);
    }
}
