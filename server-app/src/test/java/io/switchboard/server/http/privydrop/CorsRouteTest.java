package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.privydrop.PrivyDropServer.ALLOWED;
import static io.switchboard.server.http.privydrop.PrivyDropServer.CLIENT_IP;
import static io.switchboard.server.http.privydrop.PrivyDropServer.JSON;
import static io.switchboard.server.http.privydrop.PrivyDropServer.OTHER_ORIGIN;
import static io.switchboard.server.http.privydrop.PrivyDropServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.privydrop.PrivyDropServer.Answer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorsRouteTest {
    private final PrivyDropServer server = new PrivyDropServer();

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/get_room"),
                Arguments.of(HttpMethod.POST, "/api/create_room"),
                Arguments.of(HttpMethod.POST, "/api/check_room"),
                Arguments.of(HttpMethod.POST, "/api/leave_room"),
                Arguments.of(HttpMethod.POST, "/api/set_track"),
                Arguments.of(HttpMethod.POST, "/api/logs_debug"),
                Arguments.of(HttpMethod.GET, "/health"),
                Arguments.of(HttpMethod.GET, "/api/health"),
                Arguments.of(HttpMethod.GET, "/health/detailed"));
    }

    private Answer send(HttpMethod method, String path, String... headers) {
        return server.call(request(method, path, "{}", headers), CLIENT_IP);
    }

    private static void assertAllowed(Answer answer) {
        assertEquals(ALLOWED, answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertEquals("true", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS));
        assertEquals("Origin", answer.header(HttpHeaderNames.VARY));
    }

    private static void assertNoCors(Answer answer) {
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN));
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS));
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS));
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS));
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE));
        assertEquals("Origin", answer.header(HttpHeaderNames.VARY), "the answer still depends on the origin");
    }

    @ParameterizedTest
    @MethodSource("routes")
    void everyRouteReflectsAnAllowedOriginWithCredentials(HttpMethod method, String path) {
        Answer answer = send(method, path, "Origin", ALLOWED, "Content-Type", JSON);

        assertAllowed(answer);
        assertNull(answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS), "methods belong to the preflight");
    }

    @ParameterizedTest
    @MethodSource("routes")
    void aDisallowedOriginGetsNoCorsHeadersButTheRequestIsStillExecuted(HttpMethod method, String path) {
        Answer answer = send(method, path, "Origin", OTHER_ORIGIN, "Content-Type", JSON);

        assertNoCors(answer);
        assertTrue(answer.status() != 404 && answer.status() != 204, "status " + answer.status());
    }

    @Test
    void aDisallowedOriginStillCreatesTheRoomLikeTheOriginal() {
        server.call(
                request(
                        HttpMethod.POST,
                        "/api/create_room",
                        "{\"roomId\":\"1234\"}",
                        "Origin",
                        OTHER_ORIGIN,
                        "Content-Type",
                        JSON),
                CLIENT_IP);
        assertEquals(List.of("createRoom 1234"), server.api.calls);
    }

    @ParameterizedTest
    @MethodSource("routes")
    void requestsWithoutAnOriginGetNoCorsHeaders(HttpMethod method, String path) {
        assertNoCors(send(method, path, "Content-Type", JSON));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void preflightFromAnAllowedOriginAnswers204WithTheExactHeadersAndCallsNothing(HttpMethod method, String path) {
        Answer answer = send(
                HttpMethod.OPTIONS,
                path,
                "Origin",
                ALLOWED,
                "Access-Control-Request-Method",
                method.name(),
                "Access-Control-Request-Headers",
                "content-type");

        assertEquals(204, answer.status());
        assertEquals("", answer.body());
        assertEquals("0", answer.header(HttpHeaderNames.CONTENT_LENGTH));
        assertAllowed(answer);
        assertEquals("GET,POST,OPTIONS", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS));
        assertEquals("Content-Type,Authorization", answer.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS));
        assertEquals("600", answer.header(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE));
        assertTrue(server.api.calls.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("routes")
    void preflightFromADisallowedOriginAnswers204WithoutCorsHeaders(HttpMethod method, String path) {
        Answer answer = send(HttpMethod.OPTIONS, path, "Origin", OTHER_ORIGIN, "Access-Control-Request-Method", "POST");

        assertEquals(204, answer.status());
        assertNoCors(answer);
    }

    @Test
    void originsAreComparedExactly() {
        assertNoCors(send(HttpMethod.GET, "/health", "Origin", ALLOWED + "/"));
        assertNoCors(send(HttpMethod.GET, "/health", "Origin", ALLOWED.toUpperCase(Locale.ROOT)));
        assertNoCors(send(HttpMethod.GET, "/health", "Origin", "null"));
    }

    @Test
    void anotherMethodAnswers404WithCorsHeaders() {
        Answer post = send(HttpMethod.POST, "/api/get_room", "Origin", ALLOWED);
        Answer get = send(HttpMethod.GET, "/api/create_room", "Origin", ALLOWED);
        Answer delete = send(HttpMethod.DELETE, "/health", "Origin", ALLOWED);

        for (Answer answer : List.of(post, get, delete)) {
            assertEquals(404, answer.status());
            assertEquals("Not Found", answer.body());
            assertAllowed(answer);
        }
        assertTrue(server.api.calls.isEmpty());
    }

    @Test
    void aRouteThatBreaksAnswers500JsonWithCorsHeaders() {
        server.api.valid = id -> {
            throw new IllegalStateException("bug");
        };
        Answer thrown = send(HttpMethod.POST, "/api/check_room", "Origin", ALLOWED);
        Answer thrownWithBody = server.call(
                request(
                        HttpMethod.POST,
                        "/api/check_room",
                        "{\"roomId\":\"1\"}",
                        "Origin",
                        ALLOWED,
                        "Content-Type",
                        JSON),
                CLIENT_IP);

        assertEquals(400, thrown.status(), "no roomId: refused before the broken check");
        assertEquals(500, thrownWithBody.status());
        assertEquals("{\"error\":\"Internal server error\"}", thrownWithBody.body());
        assertAllowed(thrownWithBody);
    }

    @Test
    void aFailedRouteStageAnswers500JsonWithCorsHeaders() {
        CorsRoute route = new CorsRoute(
                new CorsPolicy(List.of(ALLOWED)),
                HttpMethod.GET,
                request -> CompletableFuture.failedFuture(new IllegalStateException("bug")));
        FullHttpRequest request = request(HttpMethod.GET, "/x", "", "Origin", ALLOWED);
        CompletionStage<FullHttpResponse> stage;
        try {
            stage = route.handle(
                    new HttpRequestContext(request, new QueryStringDecoder("/x"), ClientAddress.parse(CLIENT_IP)));
        } finally {
            request.release();
        }

        Answer answer = Answer.of(stage.toCompletableFuture().join());

        assertEquals(500, answer.status());
        assertEquals("{\"error\":\"Internal server error\"}", answer.body());
        assertAllowed(answer);
    }
}
