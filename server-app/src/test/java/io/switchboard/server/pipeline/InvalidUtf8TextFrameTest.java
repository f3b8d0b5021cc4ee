package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.server.testing.RawWebSocket;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6455 §8.1: a text frame that is not UTF-8 fails that connection with 1007, and only that one. */
class InvalidUtf8TextFrameTest {
    /** A DropSilk signal whose candidate holds an overlong encoding of '/', after enough ASCII to use the fast path. */
    private static final byte[] OVERLONG = concat(
            "{\"type\":\"signal\",\"data\":{\"candidate\":\"".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            "\"}}".getBytes(StandardCharsets.US_ASCII));

    @Test
    void dropSilkClosesTheSenderWith1007AndKeepsOtherSessions() throws Exception {
        try (TestServer server = TestServer.start();
                WsClient bystander = server.client();
                RawWebSocket raw = RawWebSocket.connect(server.webSocketUri(), 64 * 1024)) {
            raw.sendTextBytes(OVERLONG);
            assertEquals(1007, raw.awaitCloseCode());
            bystander.send("{\"type\":\"create-flight\"}");
            bystander.awaitType("flight-created");
        }
    }

    @Test
    void socketIoClosesTheSenderWith1007() throws Exception {
        try (TestServer server = TestServer.startApp("privydrop", b -> b);
                RawWebSocket raw = RawWebSocket.connect(
                        URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"),
                        64 * 1024)) {
            raw.sendTextBytes(concat(
                    "42[\"join\",{\"roomId\":\"".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    "\"}]".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(1007, raw.awaitCloseCode());
        }
    }

    @Test
    void validMultiByteTextStillWorks() {
        try (TestServer server = TestServer.start();
                WsClient client = server.client()) {
            client.send("{\"type\":\"register-details\",\"name\":\"Zoë 😀\"}");
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
