package io.switchboard.server.http;

import static io.switchboard.server.http.RouteFixtures.CLIENT_IP;
import static io.switchboard.server.http.RouteFixtures.call;
import static io.switchboard.server.http.RouteFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.core.telemetry.TelemetryEvent;
import io.switchboard.server.http.RouteFixtures.Answer;
import io.switchboard.server.telemetry.LogRing;
import io.switchboard.server.telemetry.RecordingTelemetry;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogsRouteTest {
    private static final String KEY = "k3y-for-tests";

    private final LogRing ring = new LogRing(10);
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final LogsRoute route = new LogsRoute(KEY, ring, telemetry);

    @BeforeEach
    void fillRing() {
        ring.add("{\"message\":\"first\"}");
        ring.add("{\"message\":\"second\"}");
    }

    @Test
    void withoutAConfiguredKeyTheRouteIsNotFound() {
        Answer answer = call(new LogsRoute(null, ring, telemetry), request(HttpMethod.GET, "/logs?key=anything"));

        assertEquals(404, answer.status());
        assertEquals("Not Found", answer.body());
        assertTrue(telemetry.events().isEmpty());
    }

    @Test
    void wrongKeyIsForbiddenAndLoggedAsUnauthorized() {
        Answer answer = call(route, request(HttpMethod.GET, "/logs?key=wrong"));

        assertForbidden(answer);
        assertEquals(
                List.of(TelemetryEvent.warn("system:log_access", "status", "unauthorized", "ip", CLIENT_IP)),
                telemetry.events());
    }

    @Test
    void missingKeyAndKeyPrefixesAreForbidden() {
        assertForbidden(call(route, request(HttpMethod.GET, "/logs")));
        assertForbidden(call(route, request(HttpMethod.GET, "/logs?key=k3y")));
        assertForbidden(call(route, request(HttpMethod.GET, "/logs?key=" + KEY + "x")));
        assertForbidden(call(route, request(HttpMethod.GET, "/logs", "Authorization", "Basic " + KEY)));
        assertEquals(4, telemetry.events().size());
    }

    @Test
    void rightKeyInTheQueryGetsTheRingAsText() {
        Answer answer = call(route, request(HttpMethod.GET, "/logs?key=" + KEY));

        assertLogs(answer);
        assertEquals(
                List.of(TelemetryEvent.warn("system:log_access", "status", "success", "ip", CLIENT_IP)),
                telemetry.events());
    }

    @Test
    void rightKeyAsBearerTokenGetsTheRingAsText() {
        assertLogs(call(route, request(HttpMethod.GET, "/logs", "Authorization", "Bearer " + KEY)));
    }

    @Test
    void blankKeyIsRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new LogsRoute(" ", ring, telemetry));
    }

    private static void assertForbidden(Answer answer) {
        assertEquals(403, answer.status());
        assertEquals("Forbidden", answer.body());
        assertEquals("text/plain", answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("no-store", answer.header(HttpHeaderNames.CACHE_CONTROL));
    }

    private static void assertLogs(Answer answer) {
        assertEquals(200, answer.status());
        assertEquals("{\"message\":\"first\"}\n{\"message\":\"second\"}", answer.body());
        assertEquals("text/plain; charset=utf-8", answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("no-store", answer.header(HttpHeaderNames.CACHE_CONTROL));
    }
}
