package io.switchboard.server.bench.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.testing.Eventually;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferenceRelayTest {
    private static ReferenceRelay relay;

    @BeforeAll
    static void start() throws InterruptedException {
        relay = ReferenceRelay.start("127.0.0.1", 0, "auto", 2);
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void twoConnectionsWithOneKeyArePairedAndForwardTextVerbatimBothWays() {
        try (WsClient a = connect("verbatim");
                WsClient b = connect("verbatim")) {
            assertEquals("paired", a.next());
            assertEquals("paired", b.next());
            String text = "{\"type\":\"signal\",\"data\":{\"sdp\":\"v=0\\r\\n…ünïcødé ✓\", \"n\" : 1 }}";

            a.send(text);
            String received = b.next();
            b.send("back " + text);

            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
            assertEquals("back " + text, a.next());
        }
    }

    @Test
    void binaryFramesAreForwardedVerbatim() {
        try (WsClient a = connect("binary");
                WsClient b = connect("binary")) {
            a.next();
            b.next();
            byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0x80, 42};

            a.sendBinary(bytes);

            assertArrayEquals(bytes, b.nextBinary());
        }
    }

    @Test
    void closingOneConnectionClosesItsPartner() {
        WsClient b;
        try (WsClient a = connect("close")) {
            b = connect("close");
            a.next();
            b.next();
        }

        assertEquals(1000, b.awaitClose());
        b.close();
    }

    @Test
    void aThirdConnectionWithTheSameKeyWaitsForAFourth() {
        try (WsClient a = connect("third");
                WsClient b = connect("third")) {
            a.next();
            b.next();
            try (WsClient c = connect("third")) {
                Eventually.await(Duration.ofSeconds(10), () -> relay.waiting() == 1 ? null : relay.waiting() + " wait");
                try (WsClient d = connect("third")) {
                    assertEquals("paired", c.next());
                    assertEquals("paired", d.next());
                }
            }
        }
    }

    @Test
    void metricsReportsNettyDirectMemoryAndOtherPathsAre404() {
        HttpResponse<String> metrics = get("/metrics");
        HttpResponse<String> other = get("/nope");

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("\nswitchboard_netty_direct_memory_bytes "), metrics.body());
        assertEquals(404, other.statusCode());
    }

    private static WsClient connect(String key) {
        return WsClient.connect(relay.url().resolve("/pair/" + key));
    }

    private static HttpResponse<String> get(String path) {
        URI uri = URI.create("http://127.0.0.1:" + relay.address().getPort() + path);
        return TestServer.send(HttpRequest.newBuilder(uri).GET().build());
    }
}
