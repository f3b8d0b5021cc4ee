package io.switchboard.server.privydrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PrivyDrop's REST API through the real server (PROTOCOLS.md §2.6), bodies asserted exactly. */
class PrivyDropRestTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startApp(
                "privydrop", b -> b.allowLocalPorts(List.of(3002)).joinRateLimit(false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getRoomCreatesAFourDigitRoom() {
        HttpResponse<String> response = server.get("/api/get_room");
        assertEquals(200, response.statusCode());
        String roomId = (String) JsonTree.object(response.body()).get("roomId");
        assertTrue(roomId.matches("\\d{4}"), roomId);
        assertEquals(
                "{\"available\":false}",
                post("/api/check_room", "{\"roomId\":\"" + roomId + "\"}").body());
    }

    @Test
    void createAndCheckRoomFollowTheOriginalRules() {
        String shortId = "r" + System.nanoTime() % 100000;
        assertEquals(
                "{\"available\":true}",
                post("/api/check_room", "{\"roomId\":\"" + shortId + "\"}").body());
        assertEquals(
                "{\"success\":true,\"message\":\"create room success\"}",
                post("/api/create_room", "{\"roomId\":\"" + shortId + "\"}").body());
        assertEquals(
                "{\"success\":false,\"message\":\"roomId is already exists\"}",
                post("/api/create_room", "{\"roomId\":\"" + shortId + "\"}").body());
        String longId = "cached-room-" + System.nanoTime();
        post("/api/create_room", "{\"roomId\":\"" + longId + "\"}");
        assertEquals(
                "{\"success\":true,\"message\":\"room exists (rejoin allowed)\"}",
                post("/api/create_room", "{\"roomId\":\"" + longId + "\"}").body());
        HttpResponse<String> missing = post("/api/create_room", "{}");
        assertEquals(400, missing.statusCode());
        assertEquals("{\"error\":\"Room ID is required\"}", missing.body());
        HttpResponse<String> invalid = post("/api/check_room", "{\"roomId\":\"" + "x".repeat(65) + "\"}");
        assertEquals(400, invalid.statusCode());
    }

    @Test
    void leaveRoomTellsTheOthersButNotTheLeaver() {
        String room =
                (String) JsonTree.object(server.get("/api/get_room").body()).get("roomId");
        try (WsClient stays = socket();
                WsClient leaves = socket()) {
            String staysId = connectAndJoin(stays, room);
            String leavesId = connectAndJoin(leaves, room);
            assertEquals("42[\"ready\",{\"peerId\":\"" + leavesId + "\"}]", stays.nextEngineIo());
            HttpResponse<String> left =
                    post("/api/leave_room", "{\"roomId\":\"" + room + "\",\"socketId\":\"" + leavesId + "\"}");
            assertEquals("{\"success\":true,\"message\":\"Successfully left the room\"}", left.body());
            assertEquals("42[\"peer-disconnected\",{\"peerId\":\"" + leavesId + "\"}]", stays.nextEngineIo());
            stays.send("42[\"initiator-online\",{\"roomId\":\"" + room + "\"}]");
            stays.send("42[\"offer\",{\"peerId\":\"" + leavesId + "\",\"offer\":{}}]");
            String quiet = leaves.poll(Duration.ofMillis(300));
            assertTrue(quiet == null || "2".equals(quiet), "the leaver hears nothing more: " + quiet);
            assertEquals(staysId.length(), 20);
        }
        assertEquals(
                "{\"success\":true,\"message\":\"Room does not exist.\"}",
                post("/api/leave_room", "{\"roomId\":\"nope-nope\",\"socketId\":\"x\"}")
                        .body());
        assertEquals(
                "{\"error\":\"Room ID and Socket ID are required\"}",
                post("/api/leave_room", "{\"roomId\":\"x\"}").body());
    }

    @Test
    void setTrackCountsAReferrer() {
        assertEquals(
                "{\"success\":true}",
                post("/api/set_track", "{\"ref\":\"noRef\",\"timestamp\":\"2026-11-23T10:00:00Z\"}")
                        .body());
        HttpResponse<String> bad = post("/api/set_track", "{\"ref\":\"noRef\",\"timestamp\":\"yesterday\"}");
        assertEquals(500, bad.statusCode());
        assertEquals("{\"success\":false,\"error\":\"Failed to track referrer\"}", bad.body());
    }

    @Test
    void healthReportsThePrivyDropService() {
        Map<String, Object> health = JsonTree.object(server.get("/api/health").body());
        assertEquals("healthy", health.get("status"));
        assertEquals("privydrop-backend", health.get("service"));
        Map<String, Object> detailed =
                JsonTree.object(server.get("/health/detailed").body());
        assertTrue(((Map<?, ?>) detailed.get("dependencies")).containsKey("socketio"), detailed.toString());
    }

    @Test
    void restCallsArePreflightedWithTheExactOriginAndCredentials() {
        HttpResponse<String> preflight = TestServer.send(HttpRequest.newBuilder(server.http("/api/get_room"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3002")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
        assertEquals(204, preflight.statusCode());
        assertEquals(
                "http://localhost:3002",
                preflight.headers().firstValue("access-control-allow-origin").orElse(""));
        assertEquals(
                "true",
                preflight
                        .headers()
                        .firstValue("access-control-allow-credentials")
                        .orElse(""));
    }

    private static HttpResponse<String> post(String path, String json) {
        return TestServer.send(HttpRequest.newBuilder(server.http(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static WsClient socket() {
        WsClient ws = WsClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"));
        assertTrue(ws.next().startsWith("0{"));
        return ws;
    }

    private static String connectAndJoin(WsClient ws, String room) {
        ws.send("40");
        String id = (String) JsonTree.object(ws.nextEngineIo().substring(2)).get("sid");
        ws.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
        assertTrue(ws.nextEngineIo().contains("\"success\":true"));
        return id;
    }
}
