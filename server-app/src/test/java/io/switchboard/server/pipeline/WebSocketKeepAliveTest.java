package io.switchboard.server.pipeline;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that answers the server's WebSocket pings (as browsers and the JDK's client do by themselves) stays
 * connected however long it is otherwise silent; only a silent one is dropped.
 */
class WebSocketKeepAliveTest {
    @Test
    void aClientThatAnswersPingsOutlivesManyPingIntervals() throws InterruptedException {
        try (TestServer server = TestServer.start(b -> b.pingInterval(Duration.ofMillis(100)));
                WsClient client = server.client()) {
            Thread.sleep(1_500); // fifteen ping intervals without a message from the client
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
        }
    }
}
