package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.privydrop.PrivyDropServer.ALLOWED;
import static io.switchboard.server.http.privydrop.PrivyDropServer.CLIENT_IP;
import static io.switchboard.server.http.privydrop.PrivyDropServer.JSON;
import static io.switchboard.server.http.privydrop.PrivyDropServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.privydrop.PrivyDropServer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackRouteTest {
    private static final String PATH = "/api/set_track";
    private static final String OK = "{\"success\":true}";
    private static final String FAILED = "{\"success\":false,\"error\":\"Failed to track referrer\"}";
    private static final String TOO_MANY = "{\"error\":\"Too many requests\"}";

    private final PrivyDropServer server = new PrivyDropServer();

    private static String track(String ref, String timestamp) {
        return "{\"ref\":\"" + ref + "\",\"timestamp\":\"" + timestamp + "\"}";
    }

    private Answer postFrom(String ip, String body) {
        return server.call(request(HttpMethod.POST, PATH, body, "Content-Type", JSON, "Origin", ALLOWED), ip);
    }

    @Test
    void trackCountsTheReferrerAtTheTimestampAndAnswersSuccess() {
        Answer answer = server.post(PATH, track("noRef", "2024-05-01T23:59:59.999Z"));

        assertEquals(200, answer.status());
        assertEquals(OK, answer.body());
        assertEquals(HttpResponses.JSON, answer.contentType());
        assertEquals(List.of("trackReferrer noRef 2024-05-01T23:59:59.999Z"), server.api.calls);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T12:00:00.000Z, 2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
        "2024-05-02T01:30:00+02:00, 2024-05-01T23:30:00Z",
        "2024-05-01T12:00:00.123456789-05:00, 2024-05-01T17:00:00.123456789Z",
        "2024-05-01, 2024-05-01T00:00:00Z",
        "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z"
    })
    void isoTimestampsWithAnOffsetOrADateAreAccepted(String sent, String expected) {
        assertEquals(Instant.parse(expected), TrackRoute.parseTimestamp(sent));
        assertEquals(200, server.post(PATH, track("x", sent)).status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2024-05-01T12:00:00",
                "2024-13-01T00:00:00Z",
                "2024-02-30",
                "1714564800000",
                "+10000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z",
                "2024-05-01T12:00:00Z trailing"
            })
    void invalidTimestampsAnswer500LikeTheOriginalWithoutAStoreCall(String timestamp) {
        assertNull(TrackRoute.parseTimestamp(timestamp));
        Answer answer = server.post(PATH, track("noRef", timestamp));
        assertEquals(500, answer.status());
        assertEquals(FAILED, answer.body());
        assertTrue(server.api.calls.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"ref\":\"noRef\"}",
                "{\"ref\":\"noRef\",\"timestamp\":1714564800000}",
                "{\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                "{\"ref\":\"\",\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                "{\"ref\":7,\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                "{\"ref\":null,\"timestamp\":\"2024-05-01T12:00:00Z\"}",
                "[\"noRef\",\"2024-05-01T12:00:00Z\"]",
                ""
            })
    void missingOrIllTypedFieldsAnswer500(String body) {
        Answer answer = server.post(PATH, body);
        assertEquals(500, answer.status());
        assertEquals(FAILED, answer.body());
        assertTrue(server.api.calls.isEmpty());
    }

    @Test
    void refIsLimitedTo128Chars() {
        assertEquals(
                200, server.post(PATH, track("r".repeat(128), "2024-05-01")).status());

        Answer tooLong = server.post(PATH, track("r".repeat(129), "2024-05-01"));

        assertEquals(500, tooLong.status());
        assertEquals(FAILED, tooLong.body());
        assertEquals(1, server.api.calls.size());
    }

    @Test
    void aFailedStoreCallAnswers500() {
        server.api.tracked = FakeApi.failed();
        Answer answer = server.post(PATH, track("noRef", "2024-05-01T12:00:00Z"));
        assertEquals(500, answer.status());
        assertEquals(FAILED, answer.body());
    }

    @Test
    void theDefaultLimitIs600PerIpPerMinuteThen429WithRetryAfter() {
        server.clock.set(Instant.parse("2024-05-01T12:00:15Z"));
        String body = track("noRef", "2024-05-01T12:00:00Z");
        for (int i = 0; i < PrivyDropRoutes.Limits.DEFAULTS.trackPerMinute(); i++) {
            assertEquals(200, postFrom(CLIENT_IP, body).status(), "request " + (i + 1));
        }

        Answer limited = postFrom(CLIENT_IP, body);

        assertEquals(429, limited.status());
        assertEquals(TOO_MANY, limited.body());
        assertEquals(HttpResponses.JSON, limited.contentType());
        assertEquals("45", limited.header(HttpHeaderNames.RETRY_AFTER));
        assertEquals(ALLOWED, limited.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals(PrivyDropRoutes.Limits.DEFAULTS.trackPerMinute(), server.api.calls.size());
        assertEquals(200, postFrom("198.51.100.1", body).status(), "another IP has its own budget");

        server.clock.advance(Duration.ofSeconds(45));
        assertEquals(200, postFrom(CLIENT_IP, body).status(), "a new minute");
    }

    @Test
    void theLimitIsConfigurableAndCountsRequestsWithBadBodiesToo() {
        PrivyDropServer strict = new PrivyDropServer("memory", new PrivyDropRoutes.Limits(2, 120));
        assertEquals(400, strict.post(PATH, "{").status());
        assertEquals(500, strict.post(PATH, "{}").status());

        Answer limited = strict.post(PATH, track("noRef", "2024-05-01"));

        assertEquals(429, limited.status());
        assertEquals(TOO_MANY, limited.body());
        assertTrue(strict.api.calls.isEmpty());
    }
}
