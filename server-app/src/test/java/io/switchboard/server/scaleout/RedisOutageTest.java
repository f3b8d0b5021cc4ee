package io.switchboard.server.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped under traffic and started again: relay inside a node goes on, what needs Redis fails fast with the
 * app's own error, {@code /readyz} says 503, and everything recovers without a restart.
 */
class RedisOutageTest {
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @Test
    void localRelaySurvivesAnOutageAndCrossNodeRelayRecoversAfterIt() {
        try (EmbeddedRedis redis = EmbeddedRedis.start();
                TestServer one = node(redis.url());
                TestServer two = node(redis.url());
                WsClient host = one.client();
                WsClient guest = one.client();
                WsClient farHost = one.client();
                WsClient farGuest = two.client()) {
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            host.awaitType("peer-joined");
            guest.awaitType("peer-joined");
            farHost.send("{\"type\":\"create-flight\"}");
            String farCode = (String) farHost.awaitType("flight-created").get("flightCode");
            farGuest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + farCode + "\"}");
            farHost.awaitType("peer-joined");

            redis.stop();

            awaitReadiness(one, 503);
            awaitReadiness(two, 503);
            for (int i = 0; i < 20; i++) {
                host.send("{\"type\":\"signal\",\"data\":{\"i\":\"" + i + "\"}}");
                assertEquals(
                        java.util.Map.of("i", Integer.toString(i)),
                        guest.awaitType("signal").get("data"));
            }
            // a signal to the other node cannot cross: the sender is told, and the metric counts it
            farHost.send("{\"type\":\"signal\",\"data\":{\"lost\":\"yes\"}}");
            farHost.expectError("Service temporarily unavailable");
            String during = one.get("/metrics").body();
            assertEquals(false, during.contains("switchboard_bus_publish_errors_total 0.0"), during);
            try (WsClient late = WsClient.connect(one.webSocketUri())) {
                late.awaitType("registered");
                late.send("{\"type\":\"create-flight\"}");
                late.expectError("Service temporarily unavailable");
            }

            redis.restart();

            awaitReadiness(one, 200);
            awaitReadiness(two, 200);
            try (WsClient newHost = one.client();
                    WsClient newGuest = two.client()) {
                newHost.send("{\"type\":\"create-flight\"}");
                String newCode = (String) newHost.awaitType("flight-created").get("flightCode");
                newGuest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + newCode + "\"}");
                newHost.awaitType("peer-joined");
                newGuest.awaitType("peer-joined");
                newHost.send("{\"type\":\"signal\",\"data\":{\"after\":\"outage\"}}");
                assertEquals(
                        java.util.Map.of("after", "outage"),
                        newGuest.awaitType("signal").get("data"));
            }
            String metrics = one.get("/metrics").body();
            assertEquals(true, metrics.contains("switchboard_store_operation_seconds_count"), metrics);
            assertEquals(false, metrics.contains("switchboard_store_operation_seconds_count 0.0"), metrics);
        }
    }

    @Test
    void privyDropJoinsFailWithTheServerErrorAnswerWhileRedisIsDown() {
        try (EmbeddedRedis redis = EmbeddedRedis.start();
                TestServer server = TestServer.startApp(
                        "privydrop", b -> b.store(redis.url()).joinRateLimit(false));
                WsClient client = WsClient.connect(java.net.URI.create(
                        "ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"))) {
            client.next();
            client.send("40");
            client.nextEngineIo();

            redis.stop();
            awaitReadiness(server, 503);
            client.send("42[\"join\",{\"roomId\":\"4242\"}]");
            String answer = client.nextEngineIo();
            assertEquals(true, answer.startsWith("42[\"joinResponse\",{\"success\":false"), answer);
            assertEquals(true, answer.contains("Server error while joining room"), answer);
            int refused = server.get("/api/get_room").statusCode();
            assertEquals(true, refused >= 500 && refused < 600, "get_room during the outage: " + refused);

            redis.restart();
            awaitReadiness(server, 200);
            assertEquals(200, server.get("/api/get_room").statusCode());
        }
    }

    private static void awaitReadiness(TestServer server, int status) {
        Eventually.await(RECOVERY, () -> {
            int now = server.get("/readyz").statusCode();
            return now == status ? null : "/readyz answers " + now;
        });
    }

    private static TestServer node(String store) {
        return TestServer.start(b -> b.store(store).nodeHeartbeat(Duration.ofMillis(500)));
    }
}
