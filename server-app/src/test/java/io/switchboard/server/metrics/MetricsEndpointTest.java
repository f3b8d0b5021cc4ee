package io.switchboard.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.testing.Eventually;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TYPE = Pattern.compile("# TYPE (\\S+) (\\S+)");
    private static final Set<String> ALLOWED_LABELS =
            Set.of("app", "transport", "type", "code", "reason", "version", "direction", "le");

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.maxFrameBytes(16 * 1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metricsAreServedAsPrometheusTextWithEveryFamilyBeforeAnyTraffic() {
        try (TestServer fresh = TestServer.start()) {
            assertEveryFamily(fresh.get("/metrics"));
        }
    }

    @Test
    void relayedSignalsMoveTheCountersAndGauges() {
        double relayedBefore = value("switchboard_messages_relayed_total{app=\"dropsilk\",type=\"signal\"}");
        double timedBefore = value("switchboard_relay_latency_seconds_count{app=\"dropsilk\"}");
        try (WsClient host = server.client();
                WsClient guest = server.client()) {
            flight(host, guest);
            host.send("{\"type\":\"signal\",\"data\":{\"sdp\":\"v=0\"}}");
            guest.awaitType("signal");
            guest.send("{\"type\":\"signal\",\"data\":{\"candidate\":\"c\"}}");
            host.awaitType("signal");

            // The counters move right after the delivery is handed to the peer's loop, so they may trail it a bit.
            Eventually.await(WAIT, () -> {
                double relayed = value("switchboard_messages_relayed_total{app=\"dropsilk\",type=\"signal\"}");
                double timed = value("switchboard_relay_latency_seconds_count{app=\"dropsilk\"}");
                return relayed == relayedBefore + 2 && timed >= timedBefore + 2
                        ? null
                        : "relayed " + relayed + " (before " + relayedBefore + "), timed " + timed;
            });
            Map<String, Double> samples = samples(server.get("/metrics").body());
            assertTrue(samples.get("switchboard_connections{app=\"dropsilk\",transport=\"websocket\"}") >= 2);
            assertTrue(samples.get("switchboard_rooms{app=\"dropsilk\"}") >= 1);
        }
    }

    @Test
    void aCloseFrameTheServerSendsIsCountedByCode() {
        double before = value("switchboard_closes_total{code=\"1009\"}");
        try (WsClient client = server.client()) {
            client.send("{\"type\":\"signal\",\"data\":\"" + "x".repeat(20 * 1024) + "\"}");
            assertEquals(1009, client.awaitClose());
        }
        Eventually.await(WAIT, () -> {
            double now = value("switchboard_closes_total{code=\"1009\"}");
            return now == before + 1 ? null : "closes with 1009: " + now + " (before: " + before + ")";
        });
    }

    @Test
    void labelValuesNeverCarrySessionIdsOrRoomCodes() {
        try (WsClient host = WsClient.connect(server.webSocketUri());
                WsClient guest = WsClient.connect(server.webSocketUri())) {
            String hostId = (String) host.awaitType("registered").get("id");
            String guestId = (String) guest.awaitType("registered").get("id");
            String code = flight(host, guest);
            host.send("{\"type\":\"signal\",\"data\":{\"sdp\":\"v=0\"}}");
            guest.awaitType("signal");

            for (Map.Entry<String, Map<String, String>> series :
                    labels(server.get("/metrics").body()).entrySet()) {
                for (String value : series.getValue().values()) {
                    for (String forbidden : List.of(hostId, guestId, code)) {
                        assertFalse(value.contains(forbidden), forbidden + " in a label of " + series.getKey());
                    }
                }
                if (series.getKey().startsWith("switchboard_")) {
                    assertTrue(
                            ALLOWED_LABELS.containsAll(series.getValue().keySet()),
                            "labels of " + series.getKey() + ": " + series.getValue());
                }
            }
        }
    }

    @Test
    void everySocketIoListenerServesMetricsWithItsClientsByTransport() {
        try (TestServer privyDrop = TestServer.startApp("privydrop", b -> b)) {
            HttpResponse<String> handshake = privyDrop.get("/socket.io/?EIO=4&transport=polling");
            assertEquals(200, handshake.statusCode(), handshake::body);
            Map<String, Double> samples = samples(privyDrop.get("/metrics").body());
            assertEquals(1.0, samples.get("switchboard_connections{app=\"privydrop\",transport=\"polling\"}"));
            assertEquals(0.0, samples.get("switchboard_connections{app=\"privydrop\",transport=\"websocket\"}"));
            assertEquals(0.0, samples.get("switchboard_rooms{app=\"privydrop\"}"));
        }
    }

    private static void assertEveryFamily(HttpResponse<String> response) {
        assertEquals(200, response.statusCode());
        assertEquals(
                "text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("content-type").orElse(""));
        Map<String, String> types = types(response.body());
        assertEquals("gauge", types.get("switchboard_connections"), types::toString);
        assertEquals("gauge", types.get("switchboard_rooms"), types::toString);
        assertEquals("histogram", types.get("switchboard_relay_latency_seconds"), types::toString);
        assertEquals("histogram", types.get("switchboard_store_operation_seconds"), types::toString);
        assertEquals("gauge", types.get("switchboard_netty_direct_memory_bytes"), types::toString);
        for (String counter : List.of(
                "switchboard_messages_relayed",
                "switchboard_closes",
                "switchboard_rate_limited",
                "switchboard_undeliverable",
                "switchboard_connections_refused",
                "switchboard_unexpected_errors",
                "switchboard_bus_publish_errors",
                "switchboard_bus_inbox_resubscribes",
                "switchboard_bus_deliveries",
                "switchboard_bus_frames_published",
                "switchboard_bus_decode_failures")) {
            assertTrue(types.containsKey(counter + "_total"), counter + " missing from " + types.keySet());
            assertEquals("counter", types.get(counter + "_total"));
        }
        Map<String, Double> samples = samples(response.body());
        assertEquals(1.0, samples.get("switchboard_build_info{version=\"dev\"}"), samples.keySet()::toString);
        assertEquals(0.0, samples.get("switchboard_bus_publish_errors_total"));
        assertEquals(0.0, samples.get("switchboard_bus_inbox_resubscribes_total"));
        assertEquals(0.0, samples.get("switchboard_bus_deliveries_total{direction=\"published\"}"));
        assertEquals(0.0, samples.get("switchboard_bus_deliveries_total{direction=\"received\"}"));
        assertEquals(0.0, samples.get("switchboard_bus_frames_published_total"));
        assertEquals(0.0, samples.get("switchboard_store_operation_seconds_count"));
        assertTrue(samples.get("switchboard_netty_direct_memory_bytes") >= 0, samples::toString);
        assertTrue(samples.containsKey("process_cpu_seconds_total"), "process metrics");
        assertTrue(samples.keySet().stream().anyMatch(s -> s.startsWith("jvm_memory_used_bytes{")), "JVM metrics");
        assertEquals(0.0, samples.get("switchboard_connections{app=\"dropsilk\",transport=\"websocket\"}"));
        assertEquals(0.0, samples.get("switchboard_rooms{app=\"dropsilk\"}"));
        assertEquals(0.0, samples.get("switchboard_messages_relayed_total{app=\"dropsilk\",type=\"signal\"}"));
        assertEquals(0.0, samples.get("switchboard_relay_latency_seconds_count{app=\"dropsilk\"}"));
        assertEquals(0.0, samples.get("switchboard_closes_total{code=\"1009\"}"));
    }

    /** Creates a flight with {@code host}, lets {@code guest} join it, and returns its code. */
    private static String flight(WsClient host, WsClient guest) {
        host.send("{\"type\":\"create-flight\"}");
        String code = (String) host.awaitType("flight-created").get("flightCode");
        guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
        guest.awaitType("peer-joined");
        host.awaitType("peer-joined");
        return code;
    }

    private static double value(String series) {
        Double value = samples(server.get("/metrics").body()).get(series);
        return value == null ? 0 : value;
    }

    /** The value of every sample, keyed by its series as written ({@code name{labels}}). */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : lines(text)) {
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            samples.put(m.group(2) == null ? m.group(1) : m.group(1) + m.group(2), Double.valueOf(m.group(4)));
        }
        return samples;
    }

    /** The labels of every sample, keyed by its series as written. */
    private static Map<String, Map<String, String>> labels(String text) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (String line : lines(text)) {
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            Map<String, String> pairs = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    pairs.put(label.group(1), label.group(2));
                }
            }
            labels.put(m.group(2) == null ? m.group(1) : m.group(1) + m.group(2), pairs);
        }
        return labels;
    }

    /** The {@code # TYPE} of every family. */
    private static Map<String, String> types(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = TYPE.matcher(line);
            if (m.matches()) {
                types.put(m.group(1), m.group(2));
            }
        }
        return types;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
