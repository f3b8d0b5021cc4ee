package io.switchboard.server.http;

import static io.switchboard.server.http.RouteFixtures.call;
import static io.switchboard.server.http.RouteFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.core.Nullable;
import io.switchboard.core.telemetry.TelemetryEvent;
import io.switchboard.server.http.RouteFixtures.Answer;
import io.switchboard.server.telemetry.MutableClock;
import io.switchboard.server.telemetry.RecordingTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnCredentialsRouteTest {
    private static final String ALLOWED = "https://dropsilk.example";
    private static final String PATH = "/api/turn-credentials";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000));
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final CorsPolicy cors = new CorsPolicy(List.of(ALLOWED));

    @Test
    void unconfiguredServerAnswers501WithCors() {
        Answer answer = call(route(null, 5), request(HttpMethod.GET, PATH, "Origin", ALLOWED));

        assertEquals(501, answer.status());
        assertEquals("{\"error\":\"TURN service is not configured on the server.\"}", answer.body());
        assertEquals(HttpResponses.JSON, answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals(ALLOWED, answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertTrue(telemetry.events().isEmpty());
    }

    @Test
    void preflightFromAnAllowedOriginAnswers204WithExactCorsHeaders() {
        Answer answer = call(route(issuer(), 5), request(HttpMethod.OPTIONS, PATH, "Origin", ALLOWED));

        assertEquals(204, answer.status());
        assertEquals("", answer.body());
        assertEquals(ALLOWED, answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals("Origin", answer.header(HttpHeaderNames.VARY));
        assertEquals("GET, OPTIONS", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS));
        assertEquals("Content-Type", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS));
    }

    @Test
    void preflightFromAnotherOriginGetsNoAllowOrigin() {
        Answer answer = call(route(issuer(), 5), request(HttpMethod.OPTIONS, PATH, "Origin", "https://evil.example"));

        assertEquals(204, answer.status());
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertFalse(answer.headers().contains(HttpHeaderNames.VARY));
        assertEquals("GET, OPTIONS", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS));
        assertEquals("Content-Type", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS));
    }

    @Test
    void getAnswersCloudflareShapedIceServersAndEmitsCredentialsIssued() {
        Answer answer = call(route(issuer(), 5), request(HttpMethod.GET, PATH, "Origin", ALLOWED));

        assertEquals(200, answer.status());
        assertEquals(
                "{\"iceServers\":[{\"urls\":[\"turn:turn.example.com:3478?transport=udp\","
                        + "\"turns:turn.example.com:5349\"],\"username\":\"1700003600:0123456789abcdef\","
                        + "\"credential\":\"cccmzVAAJmFpGJ+opyeOgOnNWLg=\"}],\"ttl\":3600}",
                answer.body());
        assertEquals(HttpResponses.JSON, answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals(ALLOWED, answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals(
                List.of(TelemetryEvent.info("turn:credentials_issued", "ip", RouteFixtures.CLIENT_IP)),
                telemetry.events());
    }

    @Test
    void getOverThePerMinuteLimitAnswers429WithRetryAfterUntilTheNextMinute() {
        clock.set(Instant.parse("2024-05-01T12:00:15Z"));
        TurnCredentialsRoute route = route(issuer(), 2);
        assertEquals(200, call(route, request(HttpMethod.GET, PATH)).status());
        assertEquals(200, call(route, request(HttpMethod.GET, PATH)).status());

        Answer limited = call(route, request(HttpMethod.GET, PATH, "Origin", ALLOWED));

        assertEquals(429, limited.status());
        assertEquals("{\"error\":\"Too many requests\"}", limited.body());
        assertEquals("45", limited.header(HttpHeaderNames.RETRY_AFTER));
        assertEquals(ALLOWED, limited.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals(2, telemetry.events().size());

        clock.advance(Duration.ofSeconds(45));
        assertEquals(200, call(route, request(HttpMethod.GET, PATH)).status());
    }

    @Test
    void otherMethodsAnswerPlain404() {
        Answer answer = call(route(issuer(), 5), request(HttpMethod.POST, PATH, "Origin", ALLOWED));

        assertEquals(404, answer.status());
        assertEquals("Not Found", answer.body());
        assertEquals("text/plain", answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    private TurnCredentials issuer() {
        return new TurnCredentials(
                TurnCredentialsTest.SECRET,
                TurnCredentialsTest.URIS,
                Duration.ofHours(1),
                clock,
                TurnCredentialsTest.FIXED_IDS);
    }

    private TurnCredentialsRoute route(@Nullable TurnCredentials issuer, int perMinute) {
        return new TurnCredentialsRoute(issuer, cors, new IpRateLimiter(perMinute, clock), telemetry);
    }
}
