package io.switchboard.server.engineio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Engine.IO over a direct WebSocket (as the browser frontends connect) and the Socket.IO packets on top. */
class SocketIoWebSocketTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startApp("privydrop", b -> b.allowLocalPorts(List.of(3002))
                .engineIo(new EngineIoConfig(
                        Duration.ofMillis(300),
                        Duration.ofMillis(200),
                        64 * 1024,
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(2))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDirectWebSocketGetsTheOpenPacketWithNoUpgrades() {
        try (WsClient ws = connect("")) {
            Map<String, Object> open = JsonTree.object(ws.next().substring(1));
            assertEquals(List.of(), open.get("upgrades"));
            assertEquals(64L * 1024, open.get("maxPayload"));
        }
    }

    @Test
    void connectingToTheMainNamespaceAnswersASocketId() {
        try (WsClient ws = open()) {
            ws.send("40");
            String answer = ws.nextEngineIo();
            assertTrue(answer.matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}"), answer);
        }
    }

    @Test
    void anUnknownNamespaceIsRefused() {
        try (WsClient ws = open()) {
            ws.send("40/random");
            assertEquals("44/random,{\"message\":\"Invalid namespace\"}", ws.nextEngineIo());
        }
    }

    @Test
    void malformedPacketsCloseTheConnection() {
        for (String bad : List.of(
                "4abc",
                "42{}",
                "42[\"disconnect\"]",
                "42abc[\"message\",1]",
                "47",
                "44{\"message\":\"x\"}",
                "40[1]",
                "41{\"x\":1}",
                "42/other,[\"x\"]",
                "x",
                "")) {
            try (WsClient ws = open()) {
                ws.send("40");
                ws.nextEngineIo();
                ws.send(bad);
                assertTrue(ws.awaitClose() > 0, bad);
            }
        }
    }

    @Test
    void attachmentsOutOfPlaceCloseTheConnection() {
        try (WsClient ws = open()) {
            ws.send("40");
            ws.nextEngineIo();
            ws.sendBinary(new byte[] {1, 2, 3});
            assertTrue(ws.awaitClose() > 0);
        }
        try (WsClient ws = open()) {
            ws.send("40");
            ws.nextEngineIo();
            ws.send("451-[\"x\",{\"_placeholder\":true,\"num\":0}]");
            ws.send("42[\"x\"]");
            assertTrue(ws.awaitClose() > 0);
        }
    }

    @Test
    void theHeartbeatPingsAndASilentClientIsClosed() {
        try (WsClient ws = open()) {
            ws.send("40"); // connected to a namespace, so only the heartbeat can end the session
            assertTrue(ws.next().startsWith("40{"));
            for (int i = 0; i < 3; i++) {
                assertEquals("2", ws.next());
                ws.send("3");
            }
            assertTrue(ws.awaitClose() > 0, "no pong: closed after pingTimeout");
        }
    }

    @Test
    void aSessionThatNeverConnectsToANamespaceIsClosed() {
        try (WsClient ws = open()) {
            // answer pings so that only the connect timeout can end the session
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (!ws.isClosed() && System.nanoTime() < deadline) {
                if ("2".equals(ws.poll(Duration.ofMillis(100)))) {
                    try {
                        ws.send("3");
                    } catch (CompletionException closedMeanwhile) {
                        break;
                    }
                }
            }
            assertTrue(ws.isClosed());
        }
    }

    @Test
    void aMessageOverMaxPayloadClosesWith1009() {
        try (WsClient ws = open()) {
            ws.send("4" + "x".repeat(70 * 1024));
            assertEquals(1009, ws.awaitClose());
        }
    }

    @Test
    void anUpgradeFromAForeignOriginIsRefused() {
        CompletionException e = assertThrows(
                CompletionException.class, () -> WsClient.connect(uri(""), Map.of("Origin", "https://evil.example")));
        assertEquals(
                403,
                assertInstanceOf(WebSocketHandshakeException.class, e.getCause())
                        .getResponse()
                        .statusCode());
        try (WsClient ws = WsClient.connect(uri(""), Map.of("Origin", "http://localhost:3002"))) {
            assertTrue(ws.next().startsWith("0"));
        }
    }

    @Test
    void anUpgradeWithAnUnknownSidIsRefused() {
        CompletionException e = assertThrows(CompletionException.class, () -> WsClient.connect(uri("&sid=nope")));
        assertEquals(
                400,
                assertInstanceOf(WebSocketHandshakeException.class, e.getCause())
                        .getResponse()
                        .statusCode());
    }

    @Test
    void pollingUpgradesToWebSocketAndRefusesPollingAfterwards() {
        String sid = (String)
                JsonTree.object(httpGet("EIO=4&transport=polling").substring(1)).get("sid");
        try (WsClient ws = WsClient.connect(uri("&sid=" + sid))) {
            ws.send("2probe");
            assertEquals("3probe", ws.next());
            assertEquals("6", httpGet("EIO=4&transport=polling&sid=" + sid));
            ws.send("5");
            ws.send("40");
            assertTrue(ws.nextEngineIo().startsWith("40{\"sid\":"));
            assertEquals(
                    400,
                    TestServer.send(HttpRequest.newBuilder(httpUri("EIO=4&transport=polling&sid=" + sid))
                                    .build())
                            .statusCode());
            try (WsClient again = WsClient.connect(uri("&sid=" + sid))) {
                assertTrue(again.awaitClose() > 0, "a second socket for an upgraded session is closed");
            }
        }
    }

    private static WsClient open() {
        WsClient ws = connect("");
        assertTrue(ws.next().startsWith("0{"));
        return ws;
    }

    private static WsClient connect(String extraQuery) {
        return WsClient.connect(uri(extraQuery));
    }

    private static URI uri(String extraQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket" + extraQuery);
    }

    private static URI httpUri(String query) {
        return URI.create(server.baseUrl() + "/socket.io/?" + query);
    }

    private static String httpGet(String query) {
        return TestServer.send(HttpRequest.newBuilder(httpUri(query)).build()).body();
    }
}
