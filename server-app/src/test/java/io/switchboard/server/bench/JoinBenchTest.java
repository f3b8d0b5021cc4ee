package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.core.CoreLimits;
import io.switchboard.server.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinBenchTest {
    private static final CoreLimits UNLIMITED = new CoreLimits(1_000_000, 1_000_000, 65536, 100, Duration.ofMillis(50));

    @Test
    void dropSilkJoinCyclesSucceed() throws InterruptedException {
        try (TestServer server = TestServer.start(b -> b.limits(UNLIMITED))) {
            assertNoErrors(join(server.webSocketUri(), "dropsilk"));
        }
    }

    @Test
    void privyDropJoinCyclesSucceed() throws InterruptedException {
        try (TestServer server =
                TestServer.startApp("privydrop", b -> b.limits(UNLIMITED).joinRateLimit(false))) {
            assertNoErrors(join(URI.create(server.baseUrl()), "privydrop"));
        }
    }

    private static BenchReport join(URI url, String dialect) throws InterruptedException {
        BenchSettings settings = new BenchSettings(
                url,
                BenchProtocol.of(dialect, url),
                4,
                1,
                Payload.CANDIDATE,
                Duration.ofMillis(500),
                Duration.ZERO,
                0,
                1,
                2);
        return new JoinRun(settings).run();
    }

    private static void assertNoErrors(BenchReport report) {
        Map<String, Object> values = report.values();
        assertEquals(0L, values.get("errors"), values.toString());
        assertFalse(report.failed(), values.toString());
    }
}
