package io.switchboard.server.engineio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The long-polling transport of Engine.IO v4, byte for byte, with a short heartbeat. */
class EngineIoPollingTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startApp(
                "privydrop",
                b -> b.engineIo(new EngineIoConfig(
                        Duration.ofMillis(300),
                        Duration.ofMillis(200),
                        1_000_000,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(45))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHandshakeAnswersTheOpenPacket() {
        HttpResponse<String> response = get("EIO=4&transport=polling");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("0"), response.body());
        Map<String, Object> open = JsonTree.object(response.body().substring(1));
        assertEquals(
                List.of("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"), List.copyOf(open.keySet()));
        assertEquals(List.of("websocket"), open.get("upgrades"));
        assertEquals(300L, open.get("pingInterval"));
        assertEquals(200L, open.get("pingTimeout"));
        assertEquals(1_000_000L, open.get("maxPayload"));
        assertEquals(
                "text/plain; charset=UTF-8",
                response.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void badQueriesGetTheReferenceErrors() {
        assertError(get("transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(get("EIO=abc&transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
        assertError(get("EIO=4"), 400, 0, "Transport unknown");
        assertError(get("EIO=4&transport=abc"), 400, 0, "Transport unknown");
        assertError(post("EIO=4&transport=polling", "40"), 400, 2, "Bad handshake method");
        assertError(get("EIO=4&transport=polling&sid=nope"), 400, 1, "Session ID unknown");
        assertError(get("EIO=4&transport=websocket"), 400, 3, "Bad request");
        HttpResponse<String> put = TestServer.send(HttpRequest.newBuilder(uri("EIO=4&transport=polling"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertEquals(400, put.statusCode());
    }

    @Test
    void aNamespaceConnectGoesUpAndTheAnswerComesDown() {
        String sid = handshake();
        HttpResponse<String> posted = post("EIO=4&transport=polling&sid=" + sid, "40");
        assertEquals(200, posted.statusCode());
        assertEquals("ok", posted.body());
        String answer = get("EIO=4&transport=polling&sid=" + sid).body();
        assertTrue(answer.matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}"), answer);
    }

    @Test
    void theServerPingsAndAPongKeepsTheSessionAlive() {
        String sid = handshake();
        for (int i = 0; i < 3; i++) {
            assertEquals("2", get("EIO=4&transport=polling&sid=" + sid).body());
            assertEquals(200, post("EIO=4&transport=polling&sid=" + sid, "3").statusCode());
        }
    }

    @Test
    void aMissingPongClosesTheSession() {
        String sid = handshake();
        assertEquals("2", get("EIO=4&transport=polling&sid=" + sid).body());
        io.switchboard.redis.testing.Eventually.await(Duration.ofSeconds(5), () -> {
            int status = get("EIO=4&transport=polling&sid=" + sid).statusCode();
            return status == 400 ? null : "still open (" + status + ")";
        });
    }

    @Test
    void aBadPacketIsRefusedAndClosesTheSession() {
        String sid = handshake();
        assertEquals(400, post("EIO=4&transport=polling&sid=" + sid, "abc").statusCode());
        assertEquals(400, get("EIO=4&transport=polling&sid=" + sid).statusCode());
    }

    @Test
    void twoPollsAtOnceCloseTheSession() throws Exception {
        String sid = handshake();
        CompletableFuture<HttpResponse<String>> first = getAsync("EIO=4&transport=polling&sid=" + sid);
        HttpResponse<String> second = get("EIO=4&transport=polling&sid=" + sid + "&t=burst");
        List<HttpResponse<String>> both = List.of(first.get(), second);
        long refused = both.stream().filter(r -> r.statusCode() == 400).count();
        if (refused == 1) {
            // whichever poll was held is answered with the close packet
            assertTrue(both.stream()
                    .anyMatch(r -> r.statusCode() == 200 && r.body().equals("1")));
            assertEquals(400, get("EIO=4&transport=polling&sid=" + sid).statusCode());
        } else {
            // a ping answered the first poll before the second arrived: no overlap happened
            assertEquals(0, refused);
        }
    }

    @Test
    void aClientCloseAnswersTheHeldPollWithANoop() throws Exception {
        String sid = handshake();
        CompletableFuture<HttpResponse<String>> held = getAsync("EIO=4&transport=polling&sid=" + sid);
        assertEquals(200, post("EIO=4&transport=polling&sid=" + sid, "1").statusCode());
        HttpResponse<String> answer = held.get();
        // "6" when the poll was held at the close; a ping may answer it first, or it may arrive after the close
        assertTrue(answer.body().equals("6") || answer.body().equals("2") || answer.statusCode() == 400, answer.body());
        assertEquals(400, get("EIO=4&transport=polling&sid=" + sid).statusCode());
    }

    @Test
    void aPayloadOverMaxPayloadGets413AndClosesTheSession() {
        String sid = handshake();
        HttpResponse<String> big = post("EIO=4&transport=polling&sid=" + sid, "4" + "x".repeat(1_000_000));
        assertEquals(413, big.statusCode());
        assertEquals(400, get("EIO=4&transport=polling&sid=" + sid).statusCode());
    }

    @Test
    void preflightAndAnswersCarryCorsForAnAllowedOrigin() {
        try (TestServer cors = TestServer.startApp("privydrop", b -> b.allowLocalPorts(List.of(3002)))) {
            HttpResponse<String> preflight = TestServer.send(
                    HttpRequest.newBuilder(URI.create(cors.baseUrl() + "/socket.io/?EIO=4&transport=polling"))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", "http://localhost:3002")
                            .build());
            assertEquals(204, preflight.statusCode());
            assertEquals(
                    "http://localhost:3002",
                    preflight
                            .headers()
                            .firstValue("access-control-allow-origin")
                            .orElse(""));
            assertEquals(
                    "true",
                    preflight
                            .headers()
                            .firstValue("access-control-allow-credentials")
                            .orElse(""));
            HttpResponse<String> foreign = TestServer.send(
                    HttpRequest.newBuilder(URI.create(cors.baseUrl() + "/socket.io/?EIO=4&transport=polling"))
                            .header("Origin", "https://evil.example")
                            .build());
            assertTrue(
                    foreign.headers().firstValue("access-control-allow-origin").isEmpty());
        }
    }

    static String handshake() {
        return (String) JsonTree.object(get("EIO=4&transport=polling").body().substring(1))
                .get("sid");
    }

    static URI uri(String query) {
        return URI.create(server.baseUrl() + "/socket.io/?" + query);
    }

    static HttpResponse<String> get(String query) {
        return TestServer.send(HttpRequest.newBuilder(uri(query)).build());
    }

    static CompletableFuture<HttpResponse<String>> getAsync(String query) {
        return java.net.http.HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(uri(query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String query, String body) {
        return TestServer.send(HttpRequest.newBuilder(uri(query))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .build());
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Map.of("code", (long) code, "message", message), JsonTree.object(response.body()));
    }
}
