package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.CoreLimits;
import io.switchboard.server.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayBenchTest {
    private static final int PAIRS = 8;
    private static final long MESSAGES = 300;

    @Test
    void dropSilkRelayDeliversEveryMessageOnceAndInOrder() throws InterruptedException {
        try (TestServer server = TestServer.start(b -> b.limits(unlimited()))) {
            assertExactlyOnceInOrder(relay(server.webSocketUri(), "dropsilk", "candidate"));
        }
    }

    @Test
    void dropSilkRelayOfOffersDeliversEveryMessageOnceAndInOrder() throws InterruptedException {
        try (TestServer server = TestServer.start(b -> b.limits(unlimited()))) {
            assertExactlyOnceInOrder(relay(server.webSocketUri(), "dropsilk", "offer"));
        }
    }

    @Test
    void privyDropRelayDeliversEveryMessageOnceAndInOrder() throws InterruptedException {
        try (TestServer server =
                TestServer.startApp("privydrop", b -> b.limits(unlimited()).joinRateLimit(false))) {
            assertExactlyOnceInOrder(relay(URI.create(server.baseUrl()), "privydrop", "candidate"));
        }
    }

    private static Map<String, Object> relay(URI url, String dialect, String payload) throws InterruptedException {
        BenchSettings settings = new BenchSettings(
                url,
                BenchProtocol.of(dialect, url),
                PAIRS,
                4,
                Payload.of(payload),
                Duration.ofMinutes(2),
                Duration.ZERO,
                MESSAGES,
                1,
                2);
        return new RelayRun(settings).run().values();
    }

    private static void assertExactlyOnceInOrder(Map<String, Object> values) {
        assertEquals(PAIRS * MESSAGES, values.get("sent"), "sent");
        assertEquals(PAIRS * MESSAGES, values.get("received"), "received");
        assertEquals(0L, values.get("duplicates"), "duplicates");
        assertEquals(0L, values.get("outOfOrder"), "out of order");
        assertEquals(0L, values.get("errors"), "errors");
    }

    private static CoreLimits unlimited() {
        return new CoreLimits(1_000_000, 1_000_000, 65536, 100, Duration.ofMillis(50));
    }
}
