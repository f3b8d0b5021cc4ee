package io.switchboard.server.pipeline;

import io.switchboard.redis.testing.Eventually;
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
    void aClientThatAnswersPingsOutlivesManyPingIntervals() {
        try (TestServer server = TestServer.start(b -> b.pingInterval(Duration.ofMillis(100)));
                WsClient client = server.client()) {
            // five pings answered, with nothing else from the client: a silent peer would have been closed after two
            Eventually.await(Duration.ofSeconds(10), () -> client.pings() >= 5 ? null : client.pings() + " pings");
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
        }
    }
}
