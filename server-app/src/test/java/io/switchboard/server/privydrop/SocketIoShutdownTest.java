package io.switchboard.server.privydrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** On shutdown every Socket.IO socket gets its DISCONNECT packet, then the WebSocket closes with 1001. */
class SocketIoShutdownTest {
    @Test
    void shutdownDisconnectsEverySocketThenClosesWith1001() throws Exception {
        TestServer server = TestServer.startApp("privydrop", b -> b);
        try (WsClient ws = WsClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"))) {
            assertTrue(ws.next().startsWith("0{"));
            ws.send("40");
            assertTrue(ws.next().startsWith("40{"));
            Thread stopper = new Thread(server::close, "test-shutdown");
            stopper.start();
            assertEquals("41", ws.next());
            assertEquals(1001, ws.awaitClose());
            stopper.join(15_000);
        }
    }
}
