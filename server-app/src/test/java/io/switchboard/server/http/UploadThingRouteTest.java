package io.switchboard.server.http;

import static io.switchboard.server.http.RouteFixtures.call;
import static io.switchboard.server.http.RouteFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.RouteFixtures.Answer;
import org.junit.jupiter.api.Test;

class UploadThingRouteTest {
    private static final String ORIGIN = "https://anyone.example";

    private final UploadThingRoute route = new UploadThingRoute();

    @Test
    void preflightAnswers204ReflectingAnyOrigin() {
        Answer answer = call(route, request(HttpMethod.OPTIONS, "/api/uploadthing", "Origin", ORIGIN));

        assertEquals(204, answer.status());
        assertEquals("", answer.body());
        assertPermissiveCors(answer);
    }

    @Test
    void everyOtherMethodAnswers501WithCors() {
        Answer answer = call(route, request(HttpMethod.POST, "/api/uploadthing?slug=previewUpload", "Origin", ORIGIN));

        assertEquals(501, answer.status());
        assertEquals("{\"error\":\"UploadThing previews are not supported by this server.\"}", answer.body());
        assertEquals(HttpResponses.JSON, answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertPermissiveCors(answer);
    }

    @Test
    void withoutOriginNothingIsReflected() {
        Answer answer = call(route, request(HttpMethod.GET, "/api/uploadthing"));

        assertEquals(501, answer.status());
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    private static void assertPermissiveCors(Answer answer) {
        assertEquals(ORIGIN, answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals("Origin", answer.header(HttpHeaderNames.VARY));
        assertEquals("GET,POST,OPTIONS", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS));
        assertEquals("*", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS));
        assertEquals("86400", answer.header(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE));
    }
}
