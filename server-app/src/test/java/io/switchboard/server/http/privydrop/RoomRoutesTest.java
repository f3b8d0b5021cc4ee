package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.privydrop.PrivyDropServer.ALLOWED;
import static io.switchboard.server.http.privydrop.PrivyDropServer.CLIENT_IP;
import static io.switchboard.server.http.privydrop.PrivyDropServer.JSON;
import static io.switchboard.server.http.privydrop.PrivyDropServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.privydrop.PrivyDropApi.CreateOutcome;
import io.switchboard.server.http.privydrop.PrivyDropApi.LeaveOutcome;
import io.switchboard.server.http.privydrop.PrivyDropServer.Answer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomRoutesTest {
    private static final String INTERNAL = "{\"error\":\"Internal server error\"}";
    private static final String REQUIRED = "{\"error\":\"Room ID is required\"}";
    private static final String INVALID = "{\"error\":\"Invalid room ID\"}";

    private final PrivyDropServer server = new PrivyDropServer();

    private static void assertJson(int status, String body, Answer answer) {
        assertEquals(body, answer.body());
        assertEquals(status, answer.status());
        assertEquals(HttpResponses.JSON, answer.contentType());
    }

    // --- GET /api/get_room ---------------------------------------------------------------------------------------

    @Test
    void getRoomAnswersTheAllocatedRoomId() {
        assertJson(200, "{\"roomId\":\"1234\"}", server.get("/api/get_room"));
        assertEquals(List.of("allocateRoom"), server.api.calls);
    }

    @Test
    void getRoomEscapesTheRoomId() {
        server.api.allocated = CompletableFuture.completedFuture("a\"b");
        assertJson(200, "{\"roomId\":\"a\\\"b\"}", server.get("/api/get_room"));
    }

    @Test
    void getRoomAnswers500WhenTheServiceFailsThrowsOrReturnsNothing() {
        server.api.allocated = FakeApi.failed();
        assertJson(500, INTERNAL, server.get("/api/get_room"));

        server.api.allocated = CompletableFuture.completedFuture(null);
        assertJson(500, INTERNAL, server.get("/api/get_room"));

        server.api.allocated = null;
        assertJson(500, INTERNAL, server.get("/api/get_room"));

        server.api.allocated = CompletableFuture.completedFuture("1234");
        server.api.thrown = new IllegalStateException("bug");
        assertJson(500, INTERNAL, server.get("/api/get_room"));
    }

    @Test
    void answerWaitsForTheServiceAndDoesNotNeedTheRequestAnyMore() {
        CompletableFuture<CreateOutcome> later = new CompletableFuture<>();
        server.api.created = later;

        CompletionStage<FullHttpResponse> stage = server.send(
                request(HttpMethod.POST, "/api/create_room", "{\"roomId\":\"1234\"}", "Content-Type", JSON), CLIENT_IP);
        assertFalse(stage.toCompletableFuture().isDone());

        later.complete(CreateOutcome.EXISTS);
        assertJson(
                200,
                "{\"success\":false,\"message\":\"roomId is already exists\"}",
                Answer.of(stage.toCompletableFuture().join()));
    }

    // --- POST /api/create_room -----------------------------------------------------------------------------------

    @Test
    void createRoomAnswersEachOutcomeWithTheOriginalsBody() {
        server.api.created = CompletableFuture.completedFuture(CreateOutcome.CREATED);
        assertJson(
                200,
                "{\"success\":true,\"message\":\"create room success\"}",
                server.post("/api/create_room", "{\"roomId\":\"1234\"}"));

        server.api.created = CompletableFuture.completedFuture(CreateOutcome.EXISTS_REJOIN_ALLOWED);
        assertJson(
                200,
                "{\"success\":true,\"message\":\"room exists (rejoin allowed)\"}",
                server.post("/api/create_room", "{\"roomId\":\"long-room-3f2a1b9c0d4e\"}"));

        server.api.created = CompletableFuture.completedFuture(CreateOutcome.EXISTS);
        assertJson(
                200,
                "{\"success\":false,\"message\":\"roomId is already exists\"}",
                server.post("/api/create_room", "{\"roomId\":\"1234\"}"));

        assertEquals(
                List.of("createRoom 1234", "createRoom long-room-3f2a1b9c0d4e", "createRoom 1234"), server.api.calls);
    }

    @Test
    void createRoomAnswers500WhenTheServiceFails() {
        server.api.created = FakeApi.failed();
        assertJson(500, INTERNAL, server.post("/api/create_room", "{\"roomId\":\"1234\"}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{}",
                "[]",
                "[{\"roomId\":\"1234\"}]",
                "{\"roomId\":\"\"}",
                "{\"roomId\":null}",
                "{\"roomId\":1234}",
                "{\"roomId\":[\"1234\"]}",
                "{\"roomId\":{\"x\":\"1234\"}}",
                "{\"roomId\":\"1234\",\"roomId\":5}",
                "{\"room\":{\"roomId\":\"1234\"}}"
            })
    void createAndCheckWithoutAStringRoomIdAnswer400RoomIdIsRequired(String body) {
        assertJson(400, REQUIRED, server.post("/api/create_room", body));
        assertJson(400, REQUIRED, server.post("/api/check_room", body));
        assertTrue(server.api.calls.isEmpty());
    }

    @Test
    void bodiesWithAnotherContentTypeAreNotReadAsExpressJsonDoes() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonp"}) {
            Answer answer = server.call(
                    request(HttpMethod.POST, "/api/create_room", "{\"roomId\":\"1234\"}", "Content-Type", type),
                    CLIENT_IP);
            assertJson(400, REQUIRED, answer);
        }
        Answer untyped = server.call(request(HttpMethod.POST, "/api/check_room", "{\"roomId\":\"1234\"}"), CLIENT_IP);
        assertJson(400, REQUIRED, untyped);
        assertTrue(server.api.calls.isEmpty());
    }

    @Test
    void jsonContentTypeWithParametersAndAnyCaseIsRead() {
        Answer answer = server.call(
                request(
                        HttpMethod.POST,
                        "/api/create_room",
                        "{\"roomId\":\"1234\"}",
                        "Content-Type",
                        "Application/JSON; charset=UTF-8"),
                CLIENT_IP);
        assertJson(200, "{\"success\":true,\"message\":\"create room success\"}", answer);
    }

    @Test
    void createAndCheckWithARoomIdTheServiceRejectsAnswer400InvalidRoomIdWithoutAStoreCall() {
        String tooLong = "{\"roomId\":\"" + "x".repeat(65) + "\"}";
        assertJson(400, INVALID, server.post("/api/create_room", tooLong));
        assertJson(400, INVALID, server.post("/api/check_room", tooLong));
        assertTrue(server.api.calls.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api/create_room", "/api/check_room", "/api/leave_room", "/api/set_track", "/api/logs_debug"})
    void malformedJsonAnswers400InvalidJson(String path) {
        for (String body : new String[] {"{", "{\"roomId\":}", "{roomId:\"1\"}", "null", "\"1234\"", " ", "{}x"}) {
            assertJson(400, "{\"error\":\"Invalid JSON\"}", server.post(path, body));
        }
        assertTrue(server.api.calls.isEmpty());
    }

    // --- POST /api/check_room ------------------------------------------------------------------------------------

    @Test
    void checkRoomAnswersAvailability() {
        assertJson(200, "{\"available\":true}", server.post("/api/check_room", "{\"roomId\":\"1234\"}"));
        server.api.available = CompletableFuture.completedFuture(false);
        assertJson(200, "{\"available\":false}", server.post("/api/check_room", "{\"roomId\":\"5678\"}"));
        assertEquals(List.of("isAvailable 1234", "isAvailable 5678"), server.api.calls);
    }

    @Test
    void checkRoomAnswers500WhenTheServiceFailsOrAnswersNull() {
        server.api.available = FakeApi.failed();
        assertJson(500, INTERNAL, server.post("/api/check_room", "{\"roomId\":\"1234\"}"));
        server.api.available = CompletableFuture.completedFuture(null);
        assertJson(500, INTERNAL, server.post("/api/check_room", "{\"roomId\":\"1234\"}"));
    }

    // --- POST /api/leave_room ------------------------------------------------------------------------------------

    @Test
    void leaveRoomAnswersEachOutcomeWithTheOriginalsBody() {
        server.api.left = CompletableFuture.completedFuture(LeaveOutcome.LEFT);
        assertJson(
                200,
                "{\"success\":true,\"message\":\"Successfully left the room\"}",
                server.post("/api/leave_room", "{\"roomId\":\"1234\",\"socketId\":\"xgACY6QcQCojsOQaAAAB\"}"));

        server.api.left = CompletableFuture.completedFuture(LeaveOutcome.NO_SUCH_ROOM);
        assertJson(
                200,
                "{\"success\":true,\"message\":\"Room does not exist.\"}",
                server.post("/api/leave_room", "{\"socketId\":\"s\",\"roomId\":\"9999\"}"));

        assertEquals(List.of("leave 1234 xgACY6QcQCojsOQaAAAB", "leave 9999 s"), server.api.calls);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{}",
                "{\"roomId\":\"1234\"}",
                "{\"socketId\":\"s\"}",
                "{\"roomId\":\"1234\",\"socketId\":\"\"}",
                "{\"roomId\":\"\",\"socketId\":\"s\"}",
                "{\"roomId\":1234,\"socketId\":\"s\"}",
                "{\"roomId\":\"1234\",\"socketId\":7}"
            })
    void leaveRoomWithoutBothIdsAnswers400(String body) {
        assertJson(400, "{\"error\":\"Room ID and Socket ID are required\"}", server.post("/api/leave_room", body));
        assertTrue(server.api.calls.isEmpty());
    }

    @Test
    void leaveRoomWithAnInvalidRoomIdAnswersRoomDoesNotExistWithoutAStoreCall() {
        assertJson(
                200,
                "{\"success\":true,\"message\":\"Room does not exist.\"}",
                server.post("/api/leave_room", "{\"roomId\":\"" + "x".repeat(65) + "\",\"socketId\":\"s\"}"));
        assertTrue(server.api.calls.isEmpty());
    }

    @Test
    void leaveRoomAnswers500WhenTheServiceFails() {
        server.api.left = FakeApi.failed();
        assertJson(500, INTERNAL, server.post("/api/leave_room", "{\"roomId\":\"1234\",\"socketId\":\"s\"}"));
    }

    @Test
    void answersCarryTheCorsHeadersOfTheAllowedOrigin() {
        Answer answer = server.post("/api/create_room", "{}");
        assertEquals(ALLOWED, answer.header("Access-Control-Allow-Origin"));
        assertEquals("true", answer.header("Access-Control-Allow-Credentials"));
    }
}
