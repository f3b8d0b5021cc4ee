package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import org.junit.jupiter.api.Test;

class WebSocketFrameLimitTest {
    @Test
    void aMessageOverTheFrameLimitClosesWith1009() {
        try (TestServer server = TestServer.start(b -> b.maxFrameBytes(16 * 1024));
                WsClient client = server.client()) {
            client.send("{\"type\":\"signal\",\"data\":\"" + "x".repeat(20 * 1024) + "\"}");
            assertEquals(1009, client.awaitClose());
        }
    }

    @Test
    void theFrameLimitIsConfigurable() {
        try (TestServer server = TestServer.start(b -> b.maxFrameBytes(64 * 1024));
                WsClient client = server.client()) {
            client.send("{\"type\":\"teleport\",\"padding\":\"" + "x".repeat(20 * 1024) + "\"}");
            client.expectError("Unknown message type");
        }
    }

    @Test
    void theDefaultLimitIsOneMebibyte() {
        assertEquals(1024 * 1024, io.switchboard.server.config.ServerConfig.DEFAULTS.maxFrameBytes());
    }
}
