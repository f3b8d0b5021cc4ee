package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DropSilk's HTTP endpoints through the real pipeline (PROTOCOLS.md §1.8). */
class DropSilkHttpTest {
    private static final String SECRET = "turn-secret-for-tests";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.logKey("s3cret-log-key")
                .turnSecret(SECRET)
                .turnUris(List.of("turn:turn.example.org:3478", "stun:turn.example.org:3478"))
                .allowLocalPorts(List.of(5173)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootAndKeepAliveAnswerPlainText() {
        HttpResponse<String> root = server.get("/");
        assertEquals(200, root.statusCode());
        assertEquals("Server is alive and waiting for WebSocket connections.", root.body());
        assertEquals("OK", server.get("/keep-alive").body());
    }

    @Test
    void statsCountConnectionsAndFlights() {
        try (WsClient client = server.client()) {
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
            Map<String, Object> stats = JsonTree.object(server.get("/stats").body());
            assertTrue((Long) stats.get("activeConnections") >= 1, stats.toString());
            assertTrue((Long) stats.get("activeFlights") >= 1, stats.toString());
            assertTrue(((Map<?, ?>) stats.get("memory")).containsKey("heapUsed"));
        }
    }

    @Test
    void unknownPathsAndMethodsGet404() {
        assertEquals(404, server.get("/nope").statusCode());
        assertEquals("Not Found", server.get("/nope").body());
        HttpResponse<String> post = TestServer.send(HttpRequest.newBuilder(server.http("/stats"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertEquals(404, post.statusCode());
    }

    @Test
    void logsNeedTheKeyInTheQueryOrAsBearer() {
        assertEquals(403, server.get("/logs?key=wrong").statusCode());
        assertEquals(403, server.get("/logs").statusCode());
        HttpResponse<String> byQuery = server.get("/logs?key=s3cret-log-key");
        assertEquals(200, byQuery.statusCode());
        assertTrue(byQuery.body().contains("system:startup"), byQuery.body());
        HttpResponse<String> byBearer = TestServer.send(HttpRequest.newBuilder(server.http("/logs"))
                .header("Authorization", "Bearer s3cret-log-key")
                .build());
        assertEquals(200, byBearer.statusCode());
    }

    @Test
    void logsAreDisabledWithoutAKey() {
        try (TestServer plain = TestServer.start()) {
            assertEquals(
                    404,
                    plain.get("/logs?key=change-this-secret-key-in-production").statusCode());
        }
    }

    @Test
    void turnCredentialsFollowTheCoturnRestFormula() throws Exception {
        HttpResponse<String> response = TestServer.send(HttpRequest.newBuilder(server.http("/api/turn-credentials"))
                .header("Origin", "http://localhost:5173")
                .build());
        assertEquals(200, response.statusCode());
        assertEquals(
                "http://localhost:5173",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        Map<String, Object> body = JsonTree.object(response.body());
        Map<?, ?> ice = (Map<?, ?>) ((List<?>) body.get("iceServers")).get(0);
        String username = (String) ice.get("username");
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertTrue(expiry > System.currentTimeMillis() / 1000, username);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, ice.get("credential"));
        assertEquals(List.of("turn:turn.example.org:3478", "stun:turn.example.org:3478"), ice.get("urls"));
    }

    @Test
    void theTurnPreflightAnswers204() {
        HttpResponse<String> preflight = TestServer.send(HttpRequest.newBuilder(server.http("/api/turn-credentials"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:5173")
                .build());
        assertEquals(204, preflight.statusCode());
        assertEquals(
                "GET, OPTIONS",
                preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
    }

    @Test
    void uploadThingIsNotImplemented() {
        assertEquals(501, server.get("/api/uploadthing?slug=previewUpload").statusCode());
    }

    @Test
    void livenessAndReadiness() {
        assertEquals(200, server.get("/livez").statusCode());
        assertEquals(200, server.get("/readyz").statusCode());
    }
}
