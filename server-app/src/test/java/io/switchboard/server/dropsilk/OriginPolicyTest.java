package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                b -> b.allowLocalPorts(List.of(5173)).allowOrigins(List.of("https://dropsilk.example")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUpgradeFromAnUnknownOriginIsRefusedWith403() {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class,
                () -> WsClient.connect(server.webSocketUri(), Map.of("Origin", "https://evil.example")));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(403, refused.getResponse().statusCode());
        assertEquals("Forbidden: Invalid Origin", refused.getResponse().body());
    }

    @Test
    void allowLocalPortAllowsBothLoopbackOrigins() {
        for (String origin : List.of("http://localhost:5173", "http://127.0.0.1:5173", "https://dropsilk.example")) {
            try (WsClient client = server.client(Map.of("Origin", origin))) {
                client.send("{\"type\":\"create-flight\"}");
                client.awaitType("flight-created");
            }
        }
    }

    @Test
    void aClientWithoutOriginIsAllowed() {
        try (WsClient client = server.client()) {
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
        }
    }

    @Test
    void originsMatchExactly() {
        for (String origin : List.of("http://localhost:5174", "https://dropsilk.example.evil", "null")) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    CompletionException.class, () -> WsClient.connect(server.webSocketUri(), Map.of("Origin", origin)));
        }
    }
}
