package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.CoreLimits;
import io.switchboard.server.testing.RawWebSocket;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A peer that stops reading is closed once its queue passes the outbound budget, instead of growing memory. */
class SlowConsumerTest {
    @Test
    void aReaderThatStopsReadingIsClosedAndItsPeerToldPeerLeft() throws Exception {
        try (TestServer server = TestServer.start(b -> b.outboundBudgetBytes(256 * 1024)
                        .limits(new CoreLimits(100_000, 100_000, 64 * 1024, 100, Duration.ofMillis(20))));
                WsClient host = server.client();
                RawWebSocket stuck = RawWebSocket.connect(server.webSocketUri(), 4096)) {
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            stuck.sendText("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            host.awaitType("peer-joined");
            String signal = "{\"type\":\"signal\",\"data\":\"" + "x".repeat(32 * 1024) + "\"}";
            boolean peerLeft = false;
            for (int batch = 0; batch < 200 && !peerLeft; batch++) {
                for (int i = 0; i < 20; i++) {
                    host.send(signal);
                }
                peerLeft = host.drain().stream().anyMatch(m -> m.contains("\"peer-left\""));
            }
            if (!peerLeft) {
                host.awaitType("peer-left");
            }
            assertTrue(true, "the stuck reader was closed");
        }
    }
}
