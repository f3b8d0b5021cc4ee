package io.switchboard.server.engineio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance apps behave like the reference test servers of the public Engine.IO and Socket.IO test suites:
 * our own checks of each behaviour those suites check, on the same Engine.IO/Socket.IO code the apps use.
 */
class ConformanceAppsTest {
    private static TestServer socketIo;
    private static TestServer engineIo;

    @BeforeAll
    static void start() {
        socketIo = TestServer.startApp("socketio-conformance", b -> b);
        engineIo = TestServer.startApp("engineio-conformance", b -> b);
    }

    @AfterAll
    static void stop() {
        socketIo.close();
        engineIo.close();
    }

    @Test
    void theEngineIoEndpointUsesTheReferenceSettingsAndEchoesOverPolling() {
        HttpResponse<String> open = get(engineIo, "/engine.io/?EIO=4&transport=polling");
        Map<String, Object> handshake = JsonTree.object(open.body().substring(1));
        assertEquals(300L, handshake.get("pingInterval"));
        assertEquals(200L, handshake.get("pingTimeout"));
        assertEquals(1_000_000L, handshake.get("maxPayload"));
        String sid = (String) handshake.get("sid");
        String url = "/engine.io/?EIO=4&transport=polling&sid=" + sid;
        assertEquals("ok", post(engineIo, url, "4hello\u001ebAQIDBA==").body());
        assertEquals("4hello\u001ebAQIDBA==", get(engineIo, url).body());
    }

    @Test
    void theEngineIoEndpointEchoesTextAndBinaryOverWebSocketAndClosesOnRequest() {
        try (WsClient ws = WsClient.connect(
                URI.create("ws://127.0.0.1:" + engineIo.port() + "/engine.io/?EIO=4&transport=websocket"))) {
            assertTrue(ws.next().startsWith("0{"));
            ws.send("4hello");
            assertEquals("4hello", ws.nextEngineIo());
            ws.sendBinary(new byte[] {1, 2, 3, 4});
            assertArrayEquals(new byte[] {1, 2, 3, 4}, ws.nextBinary());
            ws.send("1");
            assertTrue(ws.awaitClose() > 0);
        }
    }

    @Test
    void eachSocketIsGreetedWithItsHandshakeData() {
        try (WsClient ws = open()) {
            ws.send("40{\"token\":\"123\"}");
            assertTrue(ws.nextEngineIo().startsWith("40{\"sid\":"));
            assertEquals("42[\"auth\",{\"token\":\"123\"}]", ws.nextEngineIo());
        }
        try (WsClient ws = open()) {
            ws.send("40");
            ws.nextEngineIo();
            assertEquals("42[\"auth\",{}]", ws.nextEngineIo());
        }
    }

    @Test
    void theCustomNamespaceConnectsGreetsAndDisconnects() {
        try (WsClient ws = connected()) {
            ws.send("40/custom,{\"token\":\"abc\"}");
            assertTrue(ws.nextEngineIo().startsWith("40/custom,{\"sid\":"));
            assertEquals("42/custom,[\"auth\",{\"token\":\"abc\"}]", ws.nextEngineIo());
            ws.send("41/custom");
            ws.send("42[\"message\",\"to main\"]");
            assertEquals("42[\"message-back\",\"to main\"]", ws.nextEngineIo());
        }
    }

    @Test
    void messagesAreEchoedAsMessageBackByteForByte() {
        try (WsClient ws = connected()) {
            ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
            assertEquals("42[\"message-back\",1,\"2\",{\"3\":[true]}]", ws.nextEngineIo());
        }
    }

    @Test
    void binaryAttachmentsAreEchoedWithTheirPlaceholders() {
        try (WsClient ws = connected()) {
            ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.sendBinary(new byte[] {4, 5, 6});
            assertEquals(
                    "452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
                    ws.nextEngineIo());
            assertArrayEquals(new byte[] {1, 2, 3}, ws.nextBinary());
            assertArrayEquals(new byte[] {4, 5, 6}, ws.nextBinary());
        }
    }

    @Test
    void acknowledgementsCarryTheSameArgumentsPlainAndBinary() {
        try (WsClient ws = connected()) {
            ws.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
            assertEquals("43456[1,\"2\",{\"3\":[false]}]", ws.nextEngineIo());
            ws.send(
                    "452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.sendBinary(new byte[] {1, 2, 3});
            ws.sendBinary(new byte[] {4, 5, 6});
            assertEquals(
                    "462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", ws.nextEngineIo());
            assertArrayEquals(new byte[] {1, 2, 3}, ws.nextBinary());
            assertArrayEquals(new byte[] {4, 5, 6}, ws.nextBinary());
        }
    }

    @Test
    void malformedPacketsCloseTheConnection() {
        for (String bad : List.of("4abc", "42{}", "42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]")) {
            try (WsClient ws = connected()) {
                ws.send(bad);
                assertTrue(ws.awaitClose() > 0, bad);
            }
        }
    }

    @Test
    void aSessionWithoutANamespaceIsClosedAfterTheConnectTimeout() {
        try (WsClient ws = open()) {
            while (!ws.isClosed()) {
                String message = ws.poll(java.time.Duration.ofMillis(100));
                if ("2".equals(message)) {
                    try {
                        ws.send("3");
                    } catch (java.util.concurrent.CompletionException closed) {
                        break;
                    }
                }
            }
            assertTrue(ws.awaitClose() > 0);
        }
    }

    private static WsClient open() {
        WsClient ws = WsClient.connect(
                URI.create("ws://127.0.0.1:" + socketIo.port() + "/socket.io/?EIO=4&transport=websocket"));
        assertTrue(ws.next().startsWith("0{"));
        return ws;
    }

    private static WsClient connected() {
        WsClient ws = open();
        ws.send("40");
        assertTrue(ws.nextEngineIo().startsWith("40{"));
        assertEquals("42[\"auth\",{}]", ws.nextEngineIo());
        return ws;
    }

    private static HttpResponse<String> get(TestServer server, String path) {
        return TestServer.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build());
    }

    private static HttpResponse<String> post(TestServer server, String path, String body) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
