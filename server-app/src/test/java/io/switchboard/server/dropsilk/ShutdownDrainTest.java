package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShutdownDrainTest {
    @Test
    void shutdownTellsEverySessionThenClosesWith1001() throws Exception {
        TestServer server = TestServer.start();
        try (WsClient a = server.client();
                WsClient b = server.client()) {
            Thread stopper = new Thread(server::close, "test-shutdown");
            stopper.start();
            for (WsClient client : new WsClient[] {a, b}) {
                Map<String, Object> message = client.awaitType("server-shutdown");
                assertEquals("Server is shutting down for maintenance.", message.get("message"));
                assertEquals(1001, client.awaitClose());
            }
            stopper.join(15_000);
        }
    }
}
